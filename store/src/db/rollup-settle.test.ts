import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAtLatLng, cellToBigInt, type Reading } from '@citytwin/shared';
import { openTestStore } from '../testing';
import type { Store } from '../open-store';
import { insertReadingsBatch } from './readings';
import { countPendingHours, settleRollups } from './rollup-settle';

const HOUR = Date.parse('2026-06-01T10:00:00Z');
const cell = cellAtLatLng({ lat: 39.9, lng: 116.4 }, 9);
const reading = (minute: number, value: number): Reading => ({ sensorId: 's1', metric: 'noise_db', tsMs: HOUR + minute * 60_000, value, cell });

async function hourRow(store: Store): Promise<{ count: number; sum: number } | undefined> {
  const [row] = await store.db.query<{ count: number; sum: number }>(
    "SELECT count::int, sum FROM cell_rollups WHERE metric = 'noise_db' AND width_s = 3600 AND bucket = '2026-06-01T10:00:00Z'",
  );
  return row;
}

describe('settleRollups beside a writer in flight (postgres)', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore('postgres');
  });
  afterAll(async () => {
    await store?.close();
  });

  it('leaves an hour whose mark a writer holds for the next pass, which derives it with that writer’s readings', async () => {
    await insertReadingsBatch(store.db, [reading(1, 50), reading(7, 60)]);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let marked!: () => void;
    const markTaken = new Promise<void>((resolve) => (marked = resolve));
    // A writer that has added to the 5-minute tier and marked the hour, not committed yet.
    const writer = store.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO cell_rollups (cell, metric, width_s, bucket, count, sum, min, max) VALUES ($1, 'noise_db', 300, '2026-06-01T10:30:00Z', 1, 70, 70, 70)`,
        [cellToBigInt(cell).toString()],
      );
      await tx.query("INSERT INTO rollup_pending_hours (metric, hour) VALUES ('noise_db', '2026-06-01T10:00:00Z') ON CONFLICT (metric, hour) DO UPDATE SET marked_at = now()");
      marked();
      await held;
    });
    await markTaken;
    expect(await settleRollups(store.db)).toBe(0);
    expect(await hourRow(store)).toBeUndefined();
    release();
    await writer;
    expect(await settleRollups(store.db)).toBe(1);
    expect(await hourRow(store)).toEqual({ count: 3, sum: 180 });
    expect(await countPendingHours(store.db)).toBe(0);
  });

  it('replaces a derived hour rather than adding to it, so deriving twice changes nothing', async () => {
    await store.db.query("INSERT INTO rollup_pending_hours (metric, hour) VALUES ('noise_db', '2026-06-01T10:00:00Z')");
    expect(await settleRollups(store.db)).toBe(1);
    expect(await hourRow(store)).toEqual({ count: 3, sum: 180 });
    const [day] = await store.db.query<{ count: number }>("SELECT count::int FROM cell_rollups WHERE metric = 'noise_db' AND width_s = 86400 AND bucket = '2026-06-01T00:00:00Z'");
    expect(day).toEqual({ count: 3 });
  });
});

describe('settleRollups with a quiet time (pglite)', () => {
  it('leaves an hour marked within the quiet time for later and derives it once quiet', async () => {
    const store = await openTestStore('pglite');
    try {
      await insertReadingsBatch(store.db, [reading(1, 50)]);
      expect(await settleRollups(store.db, 60_000)).toBe(0);
      expect(await countPendingHours(store.db)).toBe(1);
      await store.db.query("UPDATE rollup_pending_hours SET marked_at = now() - interval '2 minutes'");
      expect(await settleRollups(store.db, 60_000)).toBe(1);
      expect(await hourRow(store)).toEqual({ count: 1, sum: 50 });
    } finally {
      await store.close();
    }
  });
});
