import { useEffect, type RefObject } from 'react';
import type { Lang } from '../i18n/lang';
import { mapIdle, type CityTwinHandle, type HandleMap } from './citytwin-handle';
import type { MapRegistry, MapSlot } from './map-registry';
import type { Mode } from './view-state';

export interface HandleState {
  mode: Mode;
  lang: Lang;
  /** The maps of the mode: slot, id, layer ids, counts and whether its data arrived. */
  maps: Array<{ slot: MapSlot; id: string; layerIds: string[]; cellCounts: Record<string, number>; dataLoaded: boolean }>;
  cellCounts: { physical: number; human: number };
  layersShown: { physical: boolean; human: boolean };
  time: CityTwinHandle['time'];
  drawer: string | null;
}

/**
 * Keeps `window.__citytwin` in step with what deck.gl was given. Runs after
 * the maps' own effects have handed the new layers to their overlays (child
 * effects run first), so `ready` never runs ahead of the drawing.
 */
export function usePageHandle(registry: RefObject<MapRegistry>, state: HandleState): void {
  useEffect(() => {
    const primary = registry.current.primary;
    if (!primary) return;
    const maps: Record<string, HandleMap> = {};
    let ready = true;
    for (const entry of state.maps) {
      const registered = registry.current[entry.slot];
      const mapReady = Boolean(registered?.loaded && entry.dataLoaded);
      ready &&= mapReady;
      if (registered) maps[entry.id] = { map: registered.map, overlay: registered.overlay, layerIds: entry.layerIds, cellCounts: entry.cellCounts, ready: mapReady };
      else ready = false;
    }
    const shown = Object.values(maps);
    const handle: CityTwinHandle = {
      map: primary.map, overlay: primary.overlay, ready, cellCounts: state.cellCounts, layersShown: state.layersShown,
      mode: state.mode, lang: state.lang, maps, time: state.time, drawer: state.drawer,
      whenIdle: async () => {
        await Promise.all(shown.map((entry) => mapIdle(entry.map)));
      },
    };
    window.__citytwin = handle;
  });
}
