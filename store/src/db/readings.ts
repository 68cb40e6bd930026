import type { Reading } from '@citytwin/shared';
import type { Db, Queryable } from '../backends/db';
import { ReadingsBatch } from './readings-batch';
import type { RollupDeltaColumns } from './rollup-deltas';

const DAY_S = 86400;
const FIVE_MINUTES_S = 300;

const STAGING = 'readings_staging';
const COLUMNS = ['sensor_id', 'metric', 'ts', 'value', 'cell'] as const;

// One statement: store new readings once (duplicates of (sensor, metric, ts) are
// ignored), add exactly the rows that were new to their 5-minute rollup buckets,
// and mark their cells active on their days.
const MERGE_STAGED = `
WITH fresh AS (
  INSERT INTO readings (sensor_id, metric, ts, value, cell)
  SELECT DISTINCT ON (sensor_id, metric, ts) sensor_id, metric, ts, value, cell
  FROM ${STAGING} ORDER BY sensor_id, metric, ts
  ON CONFLICT (sensor_id, metric, ts) DO NOTHING
  RETURNING cell, metric, ts, value
), buckets AS (
  SELECT cell, metric, to_timestamp(floor(extract(epoch FROM ts) / ${FIVE_MINUTES_S}) * ${FIVE_MINUTES_S}) AS bucket, value FROM fresh
), merged AS (
  INSERT INTO cell_rollups AS r (cell, metric, width_s, bucket, count, sum, min, max)
  SELECT cell, metric, ${FIVE_MINUTES_S}, bucket, count(*), sum(value), min(value), max(value)
  FROM buckets GROUP BY metric, bucket, cell ORDER BY metric, bucket, cell
  ON CONFLICT (metric, width_s, bucket, cell) DO UPDATE SET
    count = r.count + excluded.count, sum = r.sum + excluded.sum,
    min = least(r.min, excluded.min), max = greatest(r.max, excluded.max)
  RETURNING 1
), active AS (
  INSERT INTO active_cell_days (bucket, cell)
  SELECT DISTINCT to_timestamp(floor(extract(epoch FROM bucket) / ${DAY_S}) * ${DAY_S}) AS day, cell FROM buckets ORDER BY day, cell
  ON CONFLICT DO NOTHING
  RETURNING 1
)
SELECT (SELECT count(*) FROM fresh)::int AS stored`;

// The common case: no reading of the batch is stored yet. Then the batch is
// COPYed straight into readings and the rollup deltas computed in memory are
// added, about twice as fast as staging and merging in SQL. A redelivered or
// repeated reading makes the COPY fail on the primary key; the savepoint undoes
// it and the batch goes through the staging table and MERGE_STAGED instead.
const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}

// The in-memory 5-minute deltas of a batch (sorted by the rollup key, so
// concurrent writers lock rows in one order) are added to their buckets, and
// their cells marked active on their days.
const ADD_ROLLUP_DELTAS = `
WITH delta AS (
  SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::float8[], $5::bigint[], $6::float8[], $7::float8[], $8::float8[])
    AS delta (cell, metric, width_s, bucket_s, count, sum, min, max)
), rolled AS (
  INSERT INTO cell_rollups AS r (cell, metric, width_s, bucket, count, sum, min, max)
  SELECT cell, metric, width_s, to_timestamp(bucket_s), count, sum, min, max FROM delta
  ON CONFLICT (metric, width_s, bucket, cell) DO UPDATE SET
    count = r.count + excluded.count, sum = r.sum + excluded.sum,
    min = least(r.min, excluded.min), max = greatest(r.max, excluded.max)
  RETURNING 1
)
INSERT INTO active_cell_days (bucket, cell)
SELECT DISTINCT to_timestamp(floor(bucket_s / ${DAY_S}) * ${DAY_S}) AS day, cell FROM delta ORDER BY day, cell
ON CONFLICT DO NOTHING`;

// The (metric, hour) pairs the batch wrote to, marked for the derivation of their hour and day
// rollups (store/src/db/rollup-settle.ts). Last in the transaction and in key order, so the
// marks' row locks are held briefly and taken in one order by every writer; the update of
// marked_at takes the lock even when the mark is there already.
const MARK_PENDING_HOURS = `
INSERT INTO rollup_pending_hours (metric, hour)
SELECT DISTINCT metric, to_timestamp(floor(bucket_s / 3600) * 3600) AS hour
FROM unnest($1::text[], $2::float8[]) AS delta (metric, bucket_s) ORDER BY metric, hour
ON CONFLICT (metric, hour) DO UPDATE SET marked_at = now()`;

// Array parameters as Postgres array literals, formatted in one join: the
// driver would otherwise escape every element on its own. Numbers print in
// JavaScript's shortest round-trip form, which float8 reads back exactly;
// cells are decimal digits and metric codes [a-z0-9_], so nothing needs quoting.
const arrayLiteral = (values: ReadonlyArray<number | string>) => `{${values.join(',')}}`;

async function addRollupDeltas(tx: Queryable, deltas: RollupDeltaColumns): Promise<void> {
  await tx.query(ADD_ROLLUP_DELTAS, [deltas.cell, deltas.metric, deltas.widthS, deltas.bucketS, deltas.count, deltas.sum, deltas.min, deltas.max].map(arrayLiteral));
}

async function markPendingHours(tx: Queryable, deltas: RollupDeltaColumns): Promise<void> {
  await tx.query(MARK_PENDING_HOURS, [deltas.metric, deltas.bucketS].map(arrayLiteral));
}

/**
 * Writes a batch of validated readings with one `COPY` and a few statements,
 * in one transaction: adds exactly the new readings to their 5-minute rollups
 * and their cells to `active_cell_days`, and marks their hours pending, so
 * `settleRollups` derives the 1-hour and 1-day rollups from the
 * 5-minute ones (until then readers take those hours from the 5-minute tier).
 * Readings already stored are skipped, so a batch can be retried after a
 * crash or redelivered by the broker. Returns how many readings were new.
 * @example await insertReadingsBatch(db, [{ sensorId: 'aq-1', metric: 'pm25', tsMs, value: 35, cell }]) // 1
 */
export async function insertReadingsBatch(db: Db, readings: readonly Reading[] | ReadingsBatch): Promise<number> {
  const batch = readings instanceof ReadingsBatch ? readings : ReadingsBatch.of(readings);
  if (batch.length === 0) return 0;
  const csv = batch.copyData();
  const deltas = batch.rollupDeltas();
  return db.transaction(async (tx) => {
    await tx.exec('SAVEPOINT all_new');
    try {
      await tx.copyCsv('readings', COLUMNS, csv);
      await addRollupDeltas(tx, deltas);
      await markPendingHours(tx, deltas);
      return batch.length;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await tx.exec('ROLLBACK TO SAVEPOINT all_new');
    }
    await tx.exec(`CREATE TEMP TABLE IF NOT EXISTS ${STAGING} (LIKE readings) ON COMMIT DELETE ROWS`);
    await tx.copyCsv(STAGING, COLUMNS, csv);
    const [row] = await tx.query<{ stored: number }>(MERGE_STAGED);
    // Every hour of the batch is marked, also those of readings stored before: deriving one again changes nothing.
    if ((row?.stored ?? 0) > 0) await markPendingHours(tx, deltas);
    return row?.stored ?? 0;
  });
}

/** Number of stored readings, optionally for one sensor (tests, health). */
export async function countReadings(db: Db, sensorId?: string): Promise<number> {
  const rows = sensorId
    ? await db.query<{ n: number }>('SELECT count(*)::int AS n FROM readings WHERE sensor_id = $1', [sensorId])
    : await db.query<{ n: number }>('SELECT count(*)::int AS n FROM readings');
  return rows[0]?.n ?? 0;
}

/** Epoch ms of the newest stored reading, or null when there is none. */
export async function findNewestReadingMs(db: Db): Promise<number | null> {
  const [row] = await db.query<{ ms: number | null }>('SELECT (extract(epoch FROM max(ts)) * 1000)::float8 AS ms FROM readings');
  return row?.ms ?? null;
}
