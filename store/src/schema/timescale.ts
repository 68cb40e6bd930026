import type { Db } from '../backends/db';

export interface TimescaleSettings {
  /** Chunks of readings older than this are compressed. */
  compressAfterDays: number;
  /** Chunks of readings older than this are dropped; long enough for replays of old records. */
  retentionDays: number;
}

export const DEFAULT_TIMESCALE_SETTINGS: TimescaleSettings = { compressAfterDays: 7, retentionDays: 7300 };

/** True when the `timescaledb` extension is installed or can be installed. */
export async function isTimescaleAvailable(db: Db): Promise<boolean> {
  const rows = await db.query("SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'");
  return rows.length > 0;
}

/**
 * The only Timescale-specific SQL in CityTwin: makes `readings` a hypertable
 * with compression and retention. Idempotent; everything else runs unchanged
 * on plain Postgres.
 */
export async function enableTimescale(db: Db, settings: TimescaleSettings = DEFAULT_TIMESCALE_SETTINGS): Promise<void> {
  await db.exec('CREATE EXTENSION IF NOT EXISTS timescaledb');
  const existing = await db.query(
    "SELECT 1 FROM timescaledb_information.hypertables WHERE hypertable_name = 'readings'",
  );
  if (existing.length > 0) return;
  await db.query("SELECT create_hypertable('readings', by_range('ts', INTERVAL '1 day'), migrate_data => true)");
  await db.exec(`ALTER TABLE readings SET (timescaledb.compress, timescaledb.compress_segmentby = 'sensor_id, metric')`);
  await db.query(`SELECT add_compression_policy('readings', make_interval(days => $1::int))`, [settings.compressAfterDays]);
  await db.query(`SELECT add_retention_policy('readings', make_interval(days => $1::int))`, [settings.retentionDays]);
}
