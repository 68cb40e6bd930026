import type { Db } from '../backends/db';

/** When a hypertable's chunks are compressed and when they are dropped. */
export interface ChunkPolicy {
  /** Chunks older than this are compressed. */
  compressAfterDays: number;
  /** Chunks older than this are dropped; long enough for replays of old records. */
  retentionDays: number;
}

export interface TimescaleSettings extends ChunkPolicy {
  /** The rollup tiers' policy (`cell_rollups`); by default the raw readings'. */
  rollups?: ChunkPolicy;
}

export const DEFAULT_TIMESCALE_SETTINGS: TimescaleSettings = { compressAfterDays: 7, retentionDays: 7300 };

/** How each table CityTwin keeps in TimescaleDB is cut into chunks and compressed. */
interface HypertableLayout {
  table: 'readings' | 'cell_rollups';
  timeColumn: string;
  /** Columns each compressed segment shares: what every query filters on. */
  segmentBy: string;
  /** Order inside a segment (default: time, newest first): rows that resemble each other side by side compress best. */
  orderBy?: string;
}

const READINGS: HypertableLayout = { table: 'readings', timeColumn: 'ts', segmentBy: 'sensor_id, metric' };
// Reads take one metric and tier over a bucket range and group by cell; one cell's buckets in a
// row (similar counts and sums) compress better than one bucket's cells.
const CELL_ROLLUPS: HypertableLayout = { table: 'cell_rollups', timeColumn: 'bucket', segmentBy: 'metric, width_s', orderBy: 'cell, bucket' };

/** True when the `timescaledb` extension is installed or can be installed. */
export async function isTimescaleAvailable(db: Db): Promise<boolean> {
  const rows = await db.query("SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'");
  return rows.length > 0;
}

async function makeHypertable(db: Db, layout: HypertableLayout, policy: ChunkPolicy): Promise<void> {
  const existing = await db.query('SELECT 1 FROM timescaledb_information.hypertables WHERE hypertable_name = $1', [layout.table]);
  if (existing.length > 0) return;
  // The layout names are constants of this file, never input.
  await db.query(`SELECT create_hypertable('${layout.table}', by_range('${layout.timeColumn}', INTERVAL '1 day'), migrate_data => true)`);
  const orderBy = layout.orderBy ? `, timescaledb.compress_orderby = '${layout.orderBy}'` : '';
  await db.exec(`ALTER TABLE ${layout.table} SET (timescaledb.compress, timescaledb.compress_segmentby = '${layout.segmentBy}'${orderBy})`);
  await db.query(`SELECT add_compression_policy('${layout.table}', make_interval(days => $1::int))`, [policy.compressAfterDays]);
  await db.query(`SELECT add_retention_policy('${layout.table}', make_interval(days => $1::int))`, [policy.retentionDays]);
}

/**
 * The only Timescale-specific SQL in CityTwin: makes `readings` and the rollup tiers
 * (`cell_rollups`) hypertables of 1-day chunks with compression and retention. Idempotent per
 * table, so a deployment made before the rollups were converted gets them at its next start;
 * everything else runs unchanged on plain Postgres.
 */
export async function enableTimescale(db: Db, settings: TimescaleSettings = DEFAULT_TIMESCALE_SETTINGS): Promise<void> {
  await db.exec('CREATE EXTENSION IF NOT EXISTS timescaledb');
  await makeHypertable(db, READINGS, settings);
  await makeHypertable(db, CELL_ROLLUPS, settings.rollups ?? settings);
}
