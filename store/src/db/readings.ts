import { cellToBigInt, type Reading } from '@citytwin/shared';
import type { Db } from '../backends/db';

/** Rollup bucket widths kept for every (cell, metric), in seconds. */
export const ROLLUP_WIDTHS_S = [300, 3600] as const;

const STAGING = 'readings_staging';
const COLUMNS = ['sensor_id', 'metric', 'ts', 'value', 'cell'] as const;

function toCsv(readings: readonly Reading[]): string {
  let csv = '';
  for (const reading of readings) {
    // Sensor ids and metric codes are validated to [A-Za-z0-9_.:-], so no quoting is needed.
    csv += `${reading.sensorId},${reading.metric},${new Date(reading.tsMs).toISOString()},${reading.value},${cellToBigInt(reading.cell)}\n`;
  }
  return csv;
}

const bucketsOf = (width: number) =>
  `SELECT cell, metric, ${width} AS width_s, to_timestamp(floor(extract(epoch FROM ts) / ${width}) * ${width}) AS bucket, value FROM fresh`;

// One statement: store new readings once (duplicates of (sensor, metric, ts) are
// ignored) and add exactly the rows that were new to their rollup buckets.
const MERGE_STAGED = `
WITH fresh AS (
  INSERT INTO readings (sensor_id, metric, ts, value, cell)
  SELECT DISTINCT ON (sensor_id, metric, ts) sensor_id, metric, ts, value, cell
  FROM ${STAGING} ORDER BY sensor_id, metric, ts
  ON CONFLICT (sensor_id, metric, ts) DO NOTHING
  RETURNING cell, metric, ts, value
), buckets AS (
  ${ROLLUP_WIDTHS_S.map(bucketsOf).join('\n  UNION ALL\n  ')}
), merged AS (
  INSERT INTO cell_rollups AS r (cell, metric, width_s, bucket, count, sum, min, max)
  SELECT cell, metric, width_s, bucket, count(*), sum(value), min(value), max(value)
  FROM buckets GROUP BY metric, width_s, bucket, cell ORDER BY metric, width_s, bucket, cell
  ON CONFLICT (metric, width_s, bucket, cell) DO UPDATE SET
    count = r.count + excluded.count, sum = r.sum + excluded.sum,
    min = least(r.min, excluded.min), max = greatest(r.max, excluded.max)
  RETURNING 1
)
SELECT (SELECT count(*) FROM fresh)::int AS stored`;

/**
 * Writes a batch of validated readings with one `COPY` and one merge statement,
 * in one transaction. Readings already stored are skipped, so a batch can be
 * retried after a crash. Returns how many readings were new.
 */
export async function insertReadingsBatch(db: Db, readings: readonly Reading[]): Promise<number> {
  if (readings.length === 0) return 0;
  return db.transaction(async (tx) => {
    await tx.exec(`CREATE TEMP TABLE IF NOT EXISTS ${STAGING} (LIKE readings) ON COMMIT DELETE ROWS`);
    await tx.copyCsv(STAGING, COLUMNS, toCsv(readings));
    const [row] = await tx.query<{ stored: number }>(MERGE_STAGED);
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
