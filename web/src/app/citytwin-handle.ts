import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * What the page exposes on `window.__citytwin` so end-to-end tests and
 * operators' scripts can wait for data and read what is drawn.
 */
export interface CityTwinHandle {
  map: MapLibreMap;
  overlay: MapboxOverlay;
  /** True once the map loaded and both layers answered once and were handed to deck.gl. */
  ready: boolean;
  cellCounts: { physical: number; human: number };
  /** Layer toggles as last handed to deck.gl. */
  layersShown: { physical: boolean; human: boolean };
  /** Resolves at the map's next `idle` (everything drawn, nothing loading). */
  whenIdle(): Promise<void>;
}

declare global {
  interface Window {
    __citytwin?: CityTwinHandle;
  }
}

/** Publishes the handle for a map and its overlay; returns it for later updates. */
export function publishHandle(map: MapLibreMap, overlay: MapboxOverlay): CityTwinHandle {
  const handle: CityTwinHandle = {
    map,
    overlay,
    ready: false,
    cellCounts: { physical: 0, human: 0 },
    layersShown: { physical: false, human: false },
    whenIdle: () =>
      new Promise((resolve) => {
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  };
  window.__citytwin = handle;
  return handle;
}
