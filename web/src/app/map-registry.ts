import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';

/** The page has at most two maps: the primary one (left, or alone) and the secondary one (right, split mode). */
export type MapSlot = 'primary' | 'secondary';

export interface RegisteredMap {
  map: MapLibreMap;
  overlay: MapboxOverlay;
  loaded: boolean;
}

export type MapRegistry = Partial<Record<MapSlot, RegisteredMap>>;
