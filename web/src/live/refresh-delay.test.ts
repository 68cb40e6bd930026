import { describe, expect, it } from 'vitest';
import { EMPTY_LAYER, INITIAL_LIVE_CELLS, type LiveCells } from './refresh-layers';
import { EMPTY_REFRESH_INTERVAL_MS, MAX_FAST_REFRESHES, REFRESH_INTERVAL_MS, nextRefreshDelayMs } from './refresh-delay';

const WITH_SENSORS: LiveCells = { ...INITIAL_LIVE_CELLS, physical: { ...EMPTY_LAYER, loaded: true, cells: [{ h3: 'a', value: 1, count: 1 }] } };

describe('nextRefreshDelayMs', () => {
  it('refreshes fast while the map is empty', () => {
    expect(nextRefreshDelayMs(INITIAL_LIVE_CELLS, 0)).toBe(EMPTY_REFRESH_INTERVAL_MS);
  });

  it('uses the normal interval once a layer has cells', () => {
    expect(nextRefreshDelayMs(WITH_SENSORS, 3)).toBe(REFRESH_INTERVAL_MS);
  });

  it('stops refreshing fast after a while on a city without data', () => {
    expect(nextRefreshDelayMs(INITIAL_LIVE_CELLS, MAX_FAST_REFRESHES - 1)).toBe(EMPTY_REFRESH_INTERVAL_MS);
    expect(nextRefreshDelayMs(INITIAL_LIVE_CELLS, MAX_FAST_REFRESHES)).toBe(REFRESH_INTERVAL_MS);
  });
});
