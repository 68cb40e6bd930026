import { describe, expect, it } from 'vitest';
import { MAX_REMEMBERED_ALERTS, MAX_TICKER_ITEMS, WallData } from './wall-data';

const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 10, minute)).toISOString();

describe('WallData', () => {
  it('applies snapshots and deltas per layer and keeps the newest asOf as the data time', () => {
    const wall = new WallData();
    wall.apply({ type: 'snapshot', layer: 'physical', res: 7, cells: [{ h3: 'a', value: 50, count: 2 }], asOf: at(5), from: at(0), to: at(5) });
    wall.apply({ type: 'delta', layer: 'physical', res: 7, cells: [{ h3: 'b', value: 60, count: 1 }], removed: ['a'], asOf: at(6), latestChangeAt: at(6) });
    wall.apply({ type: 'heartbeat', asOf: at(4) });
    expect(wall.physical.data.map((cell) => cell.h3)).toEqual(['b']);
    expect(wall.human.data).toEqual([]);
    expect(wall.dataAsOfMs).toBe(Date.parse(at(6)));
    expect(wall.lastDeltaChangeMs).toBe(Date.parse(at(6)));
  });

  it('lists alerts and overdue appeals newest first, an alert once with its last event', () => {
    const wall = new WallData();
    wall.apply({ type: 'alert', event: 'opened', id: '7', alert: { h3: 'c7' }, asOf: at(1) });
    wall.apply({ type: 'overdue', groups: [{ area: 'Jianguomen', category: 'noise', count: 4, oldestDueAt: at(2) }], asOf: at(3) });
    wall.apply({ type: 'alert', event: 'opened', id: '8', alert: { h3: 'c8' }, asOf: at(4) });
    wall.apply({ type: 'alert', event: 'updated', id: '7', alert: { h3: 'c7' }, asOf: at(5) });
    expect(wall.tickerItems().map((item) => [item.id, item.event ?? item.count])).toEqual([['7', 'updated'], ['8', 'opened'], ['overdue:Jianguomen:noise', 4]]);
    wall.apply({ type: 'alert', event: 'closed', id: '8', asOf: at(6) });
    expect(wall.openAlertCells()).toEqual(['c7']);
  });

  it('forgets the oldest alerts past its bound and lists a bounded number of items', () => {
    const wall = new WallData();
    for (let i = 0; i < MAX_REMEMBERED_ALERTS + 20; i += 1) wall.apply({ type: 'alert', event: 'opened', id: String(i), alert: { h3: `c${i}` }, asOf: at(i % 60) });
    expect(wall.openAlertCells()).toHaveLength(MAX_REMEMBERED_ALERTS);
    expect(wall.openAlertCells()).not.toContain('c0');
    expect(wall.tickerItems()).toHaveLength(MAX_TICKER_ITEMS);
  });
});

describe('WallData with the alerts listed at start', () => {
  it('shows alerts opened before the wall started, and what the channel said since about them wins', () => {
    const wall = new WallData();
    const listed = [
      { id: '3', layer: 'physical' as const, metric: 'noise_db', h3: 'c3', status: 'open' as const, openedAt: at(1), closedAt: null, peak: { value: 80, z: 5, at: at(1) }, baseline: { median: 50, mad: 3 } },
      { id: '4', layer: 'physical' as const, metric: 'noise_db', h3: 'c4', status: 'open' as const, openedAt: at(2), closedAt: null, peak: { value: 80, z: 5, at: at(2) }, baseline: { median: 50, mad: 3 } },
    ];
    wall.apply({ type: 'alert', event: 'closed', id: '4', alert: { h3: 'c4' }, asOf: at(9) });
    expect(wall.tickerItems(listed).map((item) => [item.id, item.event])).toEqual([['4', 'closed'], ['3', 'opened']]);
    expect(wall.openAlertCells(listed)).toEqual(['c3']);
  });
});
