import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Lang } from '../i18n/lang';
import type { Mode } from './view-state';

/** One map of the page as the handle shows it. */
export interface HandleMap {
  map: MapLibreMap;
  overlay: MapboxOverlay;
  /** Ids of the deck.gl layers this map draws. */
  layerIds: string[];
  /** Cells (or sites) drawn per data layer. */
  cellCounts: Record<string, number>;
  /** True once the map loaded and its layers were handed their first answer. */
  ready: boolean;
}

/**
 * What the page exposes on `window.__citytwin` so end-to-end tests and
 * operators' scripts can wait for data and read what is drawn.
 */
export interface CityTwinHandle {
  /** The first (left, or only) map and its overlay. */
  map: MapLibreMap;
  overlay: MapboxOverlay;
  /** True once every map of the mode loaded and drew its first data. */
  ready: boolean;
  cellCounts: { physical: number; human: number };
  /** Layer toggles as last handed to deck.gl. */
  layersShown: { physical: boolean; human: boolean };
  mode: Mode;
  lang: Lang;
  /** The maps of the mode by id (`physical` and `human` in split, `overlay`, `fusion`). */
  maps: Record<string, HandleMap>;
  /** The time shown: the window, whether playback runs, and the end of the frame shown (ISO). */
  time: { from: string; to: string; playing: boolean; at: string | null };
  /** The H3 cell whose drawer is open, or null. */
  drawer: string | null;
  /** Resolves at the next `idle` of every map (everything drawn, nothing loading). */
  whenIdle(): Promise<void>;
}

declare global {
  interface Window {
    __citytwin?: CityTwinHandle;
  }
}

/** Resolves when `map` next goes idle. */
export function mapIdle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}
