import { afterEach, describe, expect, it } from 'vitest';
import { cellAtLatLng, type Reading } from '@citytwin/shared';
import { openPGliteDb } from '../backends/pglite-db';
import type { Db } from '../backends/db';
import { findPhysicalCells, findPhysicalCellsFromReadings } from '../db/cells';
import { insertReadingsBatch } from '../db/readings';
import { openStore, type Store } from '../open-store';
import { applyMigrations } from './migrate';
import { enableTimescale } from './timescale';

const DAY_MS = 86_400_000;
const T0 = Date.parse('2026-06-01T00:00:00Z');
const CELLS = [cellAtLatLng({ lat: 39.9, lng: 116.4 }, 9), cellAtLatLng({ lat: 39.95, lng: 116.45 }, 9)];

/** The TimescaleDB build of PGlite (test-only package), as the store tests open it. */
async function timescalePglite() {
  const { PGlite } = await import('pglite-timescale');
  const { timescaledb } = await import('pglite-timescale/timescaledb');
  return { PGliteClass: PGlite as never, extensions: { timescaledb } as never };
}

/** Every 7 minutes of `days` days from `fromMs`, two sensors in two cells. */
function readings(fromMs: number, days: number, offset = 0): Reading[] {
  return Array.from({ length: Math.floor((days * DAY_MS) / 420_000) * 2 }, (_, i) => ({
    sensorId: `s${i % 2}`, metric: 'pm25' as const, tsMs: fromMs + Math.floor(i / 2) * 420_000 + offset, value: 20 + ((i * 37) % 50) / 2, cell: CELLS[i % 2]!,
  }));
}

async function policies(db: Db): Promise<Record<string, string>> {
  const rows = await db.query<{ hypertable_name: string; proc_name: string; after: string }>(
    `SELECT hypertable_name, proc_name, coalesce(config->>'compress_after', config->>'drop_after') AS after
     FROM timescaledb_information.jobs WHERE hypertable_name IN ('readings', 'cell_rollups')`,
  );
  return Object.fromEntries(rows.map((row) => [`${row.hypertable_name} ${row.proc_name}`, row.after]));
}

async function compressAll(db: Db, table: string): Promise<number> {
  return (await db.query(`SELECT compress_chunk(c, if_not_compressed => true) FROM show_chunks('${table}') AS c`)).length;
}

describe('TimescaleDB: the rollup tiers are compressed and kept like the raw readings', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('makes cell_rollups a hypertable of 1-day chunks, segmented by metric and tier, with the readings\' policies by default', async () => {
    store = await openStore({ pglite: await timescalePglite() });
    const tables = await store.db.query<{ hypertable_name: string; compression_enabled: boolean }>(
      "SELECT hypertable_name, compression_enabled FROM timescaledb_information.hypertables ORDER BY hypertable_name",
    );
    expect(tables).toEqual([{ hypertable_name: 'cell_rollups', compression_enabled: true }, { hypertable_name: 'readings', compression_enabled: true }]);
    const settings = await store.db.query<{ attname: string; segmentby_column_index: number | null; orderby_column_index: number | null }>(
      `SELECT attname, segmentby_column_index, orderby_column_index FROM timescaledb_information.compression_settings
       WHERE hypertable_name = 'cell_rollups' ORDER BY coalesce(segmentby_column_index, 0), orderby_column_index`,
    );
    expect(settings).toEqual([
      { attname: 'cell', segmentby_column_index: null, orderby_column_index: 1 },
      { attname: 'bucket', segmentby_column_index: null, orderby_column_index: 2 },
      { attname: 'metric', segmentby_column_index: 1, orderby_column_index: null },
      { attname: 'width_s', segmentby_column_index: 2, orderby_column_index: null },
    ]);
    const [chunk] = await store.db.query<{ days: number }>(
      "SELECT extract(epoch FROM time_interval)::int / 86400 AS days FROM timescaledb_information.dimensions WHERE hypertable_name = 'cell_rollups'",
    );
    expect(chunk?.days).toBe(1);
    expect(await policies(store.db)).toEqual({
      'readings policy_compression': '7 days', 'readings policy_retention': '7300 days',
      'cell_rollups policy_compression': '7 days', 'cell_rollups policy_retention': '7300 days',
    });
  });

  it('takes the rollups\' own policy when given one', async () => {
    store = await openStore({ pglite: await timescalePglite(), timescale: { compressAfterDays: 3, retentionDays: 90, rollups: { compressAfterDays: 14, retentionDays: 800 } } });
    expect(await policies(store.db)).toEqual({
      'readings policy_compression': '3 days', 'readings policy_retention': '90 days',
      'cell_rollups policy_compression': '14 days', 'cell_rollups policy_retention': '800 days',
    });
  });

  it('answers the same from compressed rollups, and late readings still add to a compressed bucket exactly', async () => {
    store = await openStore({ pglite: await timescalePglite() });
    await insertReadingsBatch(store.db, readings(T0, 3));
    const window = { res: 7, fromMs: T0, toMs: T0 + 3 * DAY_MS };
    const before = await findPhysicalCells(store.db, 'pm25', window);
    expect(before.length).toBe(2);
    expect(await compressAll(store.db, 'cell_rollups')).toBeGreaterThanOrEqual(3);
    const [state] = await store.db.query<{ compressed: number }>(
      "SELECT count(*)::int AS compressed FROM timescaledb_information.chunks WHERE hypertable_name = 'cell_rollups' AND is_compressed",
    );
    expect(state?.compressed).toBeGreaterThanOrEqual(3);
    expect(await findPhysicalCells(store.db, 'pm25', window)).toEqual(before);
    // Late readings of the first (compressed) day, shifted so none is a duplicate.
    await insertReadingsBatch(store.db, readings(T0, 1, 60_000));
    const after = await findPhysicalCells(store.db, 'pm25', window);
    expect(after.map((cell) => cell.count)).not.toEqual(before.map((cell) => cell.count));
    const truth = await findPhysicalCellsFromReadings(store.db, 'pm25', window);
    expect(after.map((cell) => [cell.h3, cell.count])).toEqual(truth.map((cell) => [cell.h3, cell.count]));
    after.forEach((cell, i) => expect(cell.value).toBeCloseTo(truth[i]!.value, 9));
  });

  it('converts the rollups of a store whose readings were already a hypertable, keeping their rows', async () => {
    const db = await openPGliteDb(await timescalePglite());
    try {
      await applyMigrations(db);
      // What an earlier version made: only readings as a hypertable.
      await db.exec('CREATE EXTENSION IF NOT EXISTS timescaledb');
      await db.query("SELECT create_hypertable('readings', by_range('ts', INTERVAL '1 day'), migrate_data => true)");
      await insertReadingsBatch(db, readings(T0, 2));
      const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cell_rollups'))[0]!.n;
      const rows = await count();
      expect(rows).toBeGreaterThan(0);
      await enableTimescale(db);
      expect(await count()).toBe(rows);
      const chunks = await db.query("SELECT 1 FROM timescaledb_information.chunks WHERE hypertable_name = 'cell_rollups'");
      expect(chunks.length).toBeGreaterThanOrEqual(2);
      expect(Object.keys(await policies(db)).sort()).toEqual(['cell_rollups policy_compression', 'cell_rollups policy_retention']);
    } finally {
      await db.close();
    }
  });
});
