import type { LiveCells } from './refresh-layers';

/** How often the map refreshes its layers once something is shown. */
export const REFRESH_INTERVAL_MS = 5_000;
/** Faster refresh while the map is still empty, so the first hexagons of a fresh start appear within a second. */
export const EMPTY_REFRESH_INTERVAL_MS = 1_000;
/** Fast refreshes at most this many times, so an empty city does not poll every second forever. */
export const MAX_FAST_REFRESHES = 60;

/**
 * Delay before the next refresh: fast while neither layer has a cell (for at
 * most MAX_FAST_REFRESHES refreshes), then the normal interval.
 * @example nextRefreshDelayMs(INITIAL_LIVE_CELLS, 0) // 1000
 */
export function nextRefreshDelayMs(live: LiveCells, refreshesDone: number): number {
  const empty = live.physical.cells.length === 0 && live.human.cells.length === 0;
  return empty && refreshesDone < MAX_FAST_REFRESHES ? EMPTY_REFRESH_INTERVAL_MS : REFRESH_INTERVAL_MS;
}
