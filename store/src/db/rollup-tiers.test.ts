import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAtLatLng, cellToBigInt, type Reading } from '@citytwin/shared';
import { openTestStore, TEST_BACKENDS } from '../testing';
import { openPGliteDb } from '../backends/pglite-db';
import { applyMigrations, loadMigrations } from '../schema/migrate';
import type { Store } from '../open-store';
import { insertAppeal } from './appeals';
import { insertImportedAppeals } from './appeal-import';
import { findPhysicalCells, findPhysicalCellsFromReadings } from './cells';
import { insertReadingsBatch } from './readings';
import { countPendingHours, settleRollups } from './rollup-settle';

const DAY_MS = 86_400_000;
const T0 = Date.parse('2026-06-01T00:00:00Z');
const cells = [cellAtLatLng({ lat: 39.9, lng: 116.4 }, 9), cellAtLatLng({ lat: 39.95, lng: 116.45 }, 9)];

function randomReadings(seed: number, count: number, fromMs: number, spanMs: number): Reading[] {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, (_, i) => ({
    sensorId: `s${i % 3}`, metric: 'noise_db' as const, tsMs: fromMs + Math.floor(random() * spanMs), value: Math.round(random() * 600) / 10 + 30, cell: cells[i % 3 === 2 ? 1 : 0]!,
  }));
}

/** Every window's cells read from the rollups, as a GROUP BY over the raw readings gives them. */
async function expectWindowsExact(store: Store): Promise<void> {
  const windows: Array<[number, number]> = [
    [T0 - DAY_MS, T0 + 4 * DAY_MS],
    [T0 + 10 * 60_000, T0 + 2 * DAY_MS + 55 * 60_000],
    [T0 + 3600_000, T0 + 5 * 3600_000],
    [T0 + 5 * 60_000, T0 + 50 * 60_000],
    [T0 + DAY_MS - 7 * 300_000, T0 + 2 * DAY_MS + 3 * 300_000],
  ];
  for (const [fromMs, toMs] of windows) {
    for (const res of [9, 7]) {
      const window = { res, fromMs, toMs };
      const [rolled, raw] = await Promise.all([findPhysicalCells(store.db, 'noise_db', window), findPhysicalCellsFromReadings(store.db, 'noise_db', window)]);
      expect(rolled.map((cell) => [cell.h3, cell.count])).toEqual(raw.map((cell) => [cell.h3, cell.count]));
      rolled.forEach((cell, i) => expect(cell.value).toBeCloseTo(raw[i]!.value, 9));
      expect(raw.length).toBeGreaterThan(0);
    }
  }
}

describe.each(TEST_BACKENDS)('rollup tiers on %s', (backend) => {
  let store: Store;
  const first = randomReadings(1, 400, T0, 3 * DAY_MS);
  beforeAll(async () => {
    store = await openTestStore(backend);
    // A fresh batch (the COPY path), then one that repeats some readings (the staging and merge path),
    // then late readings of an earlier day.
    await insertReadingsBatch(store.db, first);
    await insertReadingsBatch(store.db, [...first.slice(0, 50), ...randomReadings(2, 200, T0 + DAY_MS, DAY_MS)]);
    await insertReadingsBatch(store.db, randomReadings(3, 100, T0 - DAY_MS, DAY_MS));
    await insertAppeal(store.db, { id: 'created', category: 'noise', channel: 'app', cell: cellAtLatLng({ lat: 39.8, lng: 116.3 }, 9), receivedAtMs: T0 + 5 * DAY_MS + 3600_000 }, 'test');
    await insertImportedAppeals(store.db, [{ id: 'imported', externalId: 'x-1', category: 'road', channel: 'web', description: null, lat: null, lng: null, address: null, cell: cells[0]!, receivedAtMs: T0 + 7 * DAY_MS, steps: [], contact: null }], 'test');
  });
  afterAll(async () => {
    await store?.close();
  });

  it('answers every 5-minute-aligned window exactly while the hour and day tiers are not derived yet', async () => {
    expect(await countPendingHours(store.db)).toBeGreaterThan(0);
    await expectWindowsExact(store);
  });

  it('derives every coarser bucket as the sum of its finer ones, after both write paths', async () => {
    expect(await settleRollups(store.db)).toBeGreaterThan(0);
    expect(await countPendingHours(store.db)).toBe(0);
    const tiers = async (coarse: number, fine: number) =>
      store.db.query<{ mismatches: number }>(
        `SELECT count(*)::int AS mismatches FROM (
           SELECT c.metric, c.cell, c.bucket, c.count, c.sum, c.min, c.max, sum(f.count) AS fc, sum(f.sum) AS fs, min(f.min) AS fmin, max(f.max) AS fmax
           FROM cell_rollups c JOIN cell_rollups f ON f.metric = c.metric AND f.cell = c.cell AND f.width_s = $2
             AND f.bucket >= c.bucket AND f.bucket < c.bucket + make_interval(secs => $1)
           WHERE c.width_s = $1 GROUP BY c.metric, c.cell, c.bucket, c.count, c.sum, c.min, c.max) AS t
         WHERE count <> fc OR abs(sum - fs) > 1e-6 OR min <> fmin OR max <> fmax`,
        [coarse, fine],
      );
    expect(await tiers(3600, 300)).toEqual([{ mismatches: 0 }]);
    expect(await tiers(86400, 3600)).toEqual([{ mismatches: 0 }]);
    const [days] = await store.db.query<{ n: number }>('SELECT sum(count)::int AS n FROM cell_rollups WHERE width_s = 86400');
    const [readings] = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM readings');
    expect(days?.n).toBe(readings?.n);
    expect(readings?.n).toBe(400 + 200 + 100);
    await expectWindowsExact(store);
  });

  it('stays exact when late readings reach derived hours, before and after they are derived again', async () => {
    await insertReadingsBatch(store.db, randomReadings(4, 120, T0 + 3600_000, 2 * DAY_MS));
    expect(await countPendingHours(store.db)).toBeGreaterThan(0);
    await expectWindowsExact(store);
    await settleRollups(store.db);
    await expectWindowsExact(store);
    const [days] = await store.db.query<{ n: number }>('SELECT sum(count)::int AS n FROM cell_rollups WHERE width_s = 86400');
    expect(days?.n).toBe(700 + 120);
  });

  it('marks a cell active on each UTC day with a reading or an appeal', async () => {
    const active = await store.db.query<{ day: string; cell: string }>("SELECT to_char(bucket AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, cell::text AS cell FROM active_cell_days ORDER BY 1, 2");
    const expected = await store.db.query<{ day: string; cell: string }>(
      `SELECT DISTINCT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, cell::text AS cell FROM readings
       UNION SELECT to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), cell::text FROM appeals WHERE cell IS NOT NULL ORDER BY 1, 2`,
    );
    expect(active).toEqual(expected);
    expect(active.some((row) => row.day === '2026-06-08' && row.cell === cellToBigInt(cells[0]!).toString())).toBe(true);
  });
});

describe('migration 030 on a store with data', () => {
  it('backfills the daily tier from the hourly one and the active cells from rollups and appeals', async () => {
    const db = await openPGliteDb({});
    try {
      const migrations = await loadMigrations();
      await applyMigrations(db, migrations.filter((migration) => migration.version < 30));
      const cell = cellToBigInt(cells[0]!).toString();
      await db.query(
        `INSERT INTO cell_rollups (cell, metric, width_s, bucket, count, sum, min, max) VALUES
         ($1, 'pm25', 3600, '2026-06-01T22:00:00Z', 2, 30, 10, 20), ($1, 'pm25', 3600, '2026-06-01T23:00:00Z', 1, 5, 5, 5),
         ($1, 'pm25', 3600, '2026-06-02T00:00:00Z', 4, 8, 1, 3)`,
        [cell],
      );
      await db.query(`INSERT INTO appeals (id, category, channel, cell, received_at) VALUES ('a', 'noise', 'app', $1, '2026-06-05T08:00:00Z')`, [cell]);
      expect(await applyMigrations(db, migrations.filter((migration) => migration.version === 30))).toEqual(['030-daily-rollups-and-active-cells.sql']);
      const days = await db.query("SELECT to_char(bucket AT TIME ZONE 'UTC', 'MM-DD') AS day, count::int, sum, min, max FROM cell_rollups WHERE width_s = 86400 ORDER BY bucket");
      expect(days).toEqual([{ day: '06-01', count: 3, sum: 35, min: 5, max: 20 }, { day: '06-02', count: 4, sum: 8, min: 1, max: 3 }]);
      const active = await db.query("SELECT to_char(bucket AT TIME ZONE 'UTC', 'MM-DD') AS day FROM active_cell_days ORDER BY bucket");
      expect(active).toEqual([{ day: '06-01' }, { day: '06-02' }, { day: '06-05' }]);
    } finally {
      await db.close();
    }
  });
});
