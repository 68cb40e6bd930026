import { useEffect, type RefObject } from 'react';
import type { LiveCells } from '../live/refresh-layers';
import type { ControlState } from '../ui/control-panel';
import type { CityTwinHandle } from './citytwin-handle';

/**
 * Keeps `window.__citytwin` in step with what deck.gl was given. Runs after the
 * map's own effect has handed the new layers to the overlay (child effects run first).
 */
export function useHandleSync(handle: RefObject<CityTwinHandle | undefined>, live: LiveCells, controls: ControlState, mapLoaded: boolean): void {
  useEffect(() => {
    const current = handle.current;
    if (!current) return;
    current.cellCounts = { physical: live.physical.cells.length, human: live.human.cells.length };
    current.layersShown = { physical: controls.showPhysical, human: controls.showHuman };
    current.ready = mapLoaded && live.physical.loaded && live.human.loaded;
  }, [handle, live, controls, mapLoaded]);
}
