import { describe, expect, it } from 'vitest';
import type { CellsResponse } from '../api/api-types';
import { INITIAL_LIVE_CELLS, refreshLayers } from './refresh-layers';

const REQUESTS = { physical: { layer: 'physical', metric: 'pm25', res: 8 }, human: { layer: 'human', res: 8 } } as const;

function answer(layer: 'physical' | 'human', res: number, h3: string): CellsResponse {
  return { layer, res, from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z', cells: [{ h3, value: 1, count: 1 }] };
}

describe('refreshLayers', () => {
  it('takes both answers and the resolution the api served', async () => {
    const fetchCells = async (url: string) => (url.includes('physical') ? answer('physical', 8, 'a') : { ...answer('human', 7, 'b'), suppressedBelow: 3 });
    const state = await refreshLayers(INITIAL_LIVE_CELLS, REQUESTS, fetchCells, () => 1000);
    expect(state.physical).toMatchObject({ cells: [{ h3: 'a' }], res: 8, loaded: true, error: undefined });
    expect(state.human).toMatchObject({ cells: [{ h3: 'b' }], res: 7, suppressedBelow: 3, loaded: true });
    expect(state.human.url).toBe('/api/cells?layer=human&res=8');
    expect(state.lastRefreshMs).toBe(1000);
  });

  it('keeps the previous cells of a layer whose request failed and reports the error', async () => {
    const first = await refreshLayers(INITIAL_LIVE_CELLS, REQUESTS, async (url) => answer(url.includes('physical') ? 'physical' : 'human', 8, 'x'), () => 1000);
    const second = await refreshLayers(first, REQUESTS, async (url) => {
      if (url.includes('human')) throw new Error('HTTP 503');
      return answer('physical', 8, 'y');
    }, () => 2000);
    expect(second.physical.cells[0]?.h3).toBe('y');
    expect(second.human.cells[0]?.h3).toBe('x');
    expect(second.human.error).toBe('HTTP 503');
    expect(second.human.loaded).toBe(true);
    expect(second.lastRefreshMs).toBe(2000);
  });

  it('keeps the last refresh time when nothing answered', async () => {
    const state = await refreshLayers({ ...INITIAL_LIVE_CELLS, lastRefreshMs: 500 }, REQUESTS, async () => {
      throw new Error('network error');
    }, () => 9000);
    expect(state.lastRefreshMs).toBe(500);
    expect(state.physical).toMatchObject({ loaded: false, cells: [], error: 'network error' });
  });

  it('keeps the same cell arrays when a refresh answers the same cells, and reads the columnar form', async () => {
    const columnar = (layer: 'physical' | 'human', value: number) => ({ ...answer(layer, 8, 'a'), cells: undefined, format: 'columnar' as const, length: 1, h3: ['a'], value: [value], count: [1] });
    const first = await refreshLayers(INITIAL_LIVE_CELLS, REQUESTS, async (url) => columnar(url.includes('physical') ? 'physical' : 'human', 5), () => 1000);
    expect(first.physical.cells).toEqual([{ h3: 'a', value: 5, count: 1 }]);
    const same = await refreshLayers(first, REQUESTS, async (url) => columnar(url.includes('physical') ? 'physical' : 'human', 5), () => 2000);
    expect(same.physical.columns).toBe(first.physical.columns);
    expect(same.physical.cells).toBe(first.physical.cells);
    const changed = await refreshLayers(same, REQUESTS, async (url) => columnar(url.includes('physical') ? 'physical' : 'human', 6), () => 3000);
    expect(changed.physical.columns).not.toBe(first.physical.columns);
    expect([...changed.physical.columns.value]).toEqual([6]);
  });
});
