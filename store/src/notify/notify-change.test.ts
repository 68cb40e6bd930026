import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAtLatLng, cellResolution, parentCell } from '@citytwin/shared';
import type { Store } from '../open-store';
import { openTestStore, TEST_BACKENDS } from '../testing';
import { CHANGE_CHANNELS, type AppealsChange, type ReadingsChange } from './change-channels';
import { describeAppeals, describeReadingsBatch } from './describe-change';
import { listenForChanges } from './listen-for-changes';
import { encodeChange, notifyChange, NOTIFY_MAX_BYTES } from './notify-change';

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const CELL = '8931aa428c3ffff';

describe('describing changes', () => {
  it('sums up a batch of readings by metric and time span', () => {
    const change = describeReadingsBatch([
      { sensorId: 'a', metric: 'pm25', tsMs: 3000, value: 1, cell: CELL },
      { sensorId: 'b', metric: 'noise_db', tsMs: 1000, value: 50, cell: CELL },
      { sensorId: 'a', metric: 'pm25', tsMs: 2000, value: 2, cell: CELL },
    ]);
    expect(change).toEqual({ metrics: ['noise_db', 'pm25'], fromMs: 1000, toMs: 3000, count: 3, cells: [CELL] });
  });

  it('names the cells a batch touched, coarser when the list would not fit, so a listener still re-reads every one of them', () => {
    const cells = [...new Set(Array.from({ length: 1500 }, (_, i) => cellAtLatLng({ lat: 39.7 + (i % 40) * 0.01, lng: 116.1 + Math.floor(i / 40) * 0.01 }, 9)))];
    expect(cells.length).toBeGreaterThan(1000);
    const change: ReadingsChange = { metrics: ['noise_db'], fromMs: 1, toMs: 2, count: cells.length, cells };
    const text = encodeChange(CHANGE_CHANNELS.readings, change);
    expect(text.length).toBeLessThanOrEqual(NOTIFY_MAX_BYTES);
    const sent = JSON.parse(text) as ReadingsChange;
    const res = cellResolution(sent.cells![0]!);
    expect(res).toBeLessThan(9);
    expect(new Set(sent.cells)).toEqual(new Set(cells.map((cell) => parentCell(cell, res))));
  });

  it('keeps a short cell list as it is', () => {
    const change: ReadingsChange = { metrics: ['pm25'], fromMs: 1, toMs: 2, count: 1, cells: [CELL] };
    expect(JSON.parse(encodeChange(CHANGE_CHANNELS.readings, change))).toEqual(change);
  });

  it('names the first-level categories of appeals', () => {
    const change = describeAppeals('received', [
      { category: 'noise.construction', atMs: 20 },
      { category: 'noise', atMs: 10 },
      { category: 'heating.no_heat', atMs: 30 },
    ]);
    expect(change).toEqual({ kind: 'received', categories: ['heating', 'noise'], fromMs: 10, toMs: 30, count: 3 });
  });

  it('drops the category list rather than exceed the NOTIFY limit', () => {
    const many: AppealsChange = { kind: 'received', categories: Array.from({ length: 2000 }, (_, i) => `category_${i}`), fromMs: 1, toMs: 2, count: 2000 };
    const text = encodeChange(CHANGE_CHANNELS.appeals, many);
    expect(text.length).toBeLessThanOrEqual(NOTIFY_MAX_BYTES);
    expect(JSON.parse(text)).toEqual({ kind: 'received', fromMs: 1, toMs: 2, count: 2000 });
  });
});

describe.each(TEST_BACKENDS)('change notifications on %s', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(backend);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('delivers a change to every listener of its channel and to no other channel', async () => {
    const first: ReadingsChange[] = [];
    const second: ReadingsChange[] = [];
    const alerts: unknown[] = [];
    const stops = [
      await listenForChanges(store.db, CHANGE_CHANNELS.readings, (change) => first.push(change)),
      await listenForChanges(store.db, CHANGE_CHANNELS.readings, (change) => second.push(change)),
      await listenForChanges(store.db, CHANGE_CHANNELS.alerts, (change) => alerts.push(change)),
    ];
    const change: ReadingsChange = { metrics: ['pm25'], fromMs: 1, toMs: 2, count: 2 };
    await notifyChange(store.db, CHANGE_CHANNELS.readings, change);
    expect(await until('both listeners', () => (first.length && second.length ? true : undefined))).toBe(true);
    expect(first).toEqual([change]);
    expect(second).toEqual([change]);
    expect(alerts).toEqual([]);
    for (const stop of stops) await stop();
  });

  it('announces a change made inside a transaction only when it commits', async () => {
    const seen: AppealsChange[] = [];
    const stop = await listenForChanges(store.db, CHANGE_CHANNELS.appeals, (change) => seen.push(change));
    const rolledBack: AppealsChange = { kind: 'updated', fromMs: 1, toMs: 1, count: 1 };
    await store.db.transaction(async (tx) => {
      await notifyChange(tx, CHANGE_CHANNELS.appeals, rolledBack);
      throw new Error('undo');
    }).catch(() => undefined);
    const committed: AppealsChange = { kind: 'received', categories: ['noise'], fromMs: 5, toMs: 5, count: 1 };
    await store.db.transaction((tx) => notifyChange(tx, CHANGE_CHANNELS.appeals, committed));
    await until('the committed change', () => (seen.length ? true : undefined));
    expect(seen).toEqual([committed]);
    await stop();
  });

  it('stops delivering after unlisten and drops payloads that are not JSON', async () => {
    const seen: unknown[] = [];
    const malformed: string[] = [];
    const stop = await listenForChanges(store.db, CHANGE_CHANNELS.alerts, (change) => seen.push(change), { onMalformed: (payload) => malformed.push(payload) });
    await store.db.query(`SELECT pg_notify('citytwin_alerts', 'not json')`);
    await notifyChange(store.db, CHANGE_CHANNELS.alerts, { id: '7', event: 'opened' });
    await until('the alert', () => (seen.length ? true : undefined));
    expect(malformed).toEqual(['not json']);
    await stop();
    await notifyChange(store.db, CHANGE_CHANNELS.alerts, { id: '8', event: 'closed' });
    // A NOTIFY after it on another channel arrives in order, so the unlistened one would have come first.
    const after: unknown[] = [];
    const probe = await listenForChanges(store.db, CHANGE_CHANNELS.readings, (change) => after.push(change));
    await notifyChange(store.db, CHANGE_CHANNELS.readings, { metrics: [], fromMs: 0, toMs: 0, count: 0 });
    await until('the probe', () => (after.length ? true : undefined));
    expect(seen).toEqual([{ id: '7', event: 'opened' }]);
    await probe();
  });
});
