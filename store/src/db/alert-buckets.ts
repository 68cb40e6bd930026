import type { Db } from '../backends/db';
import { readableRangesEach } from './pending-hours';

/** One bucket of one alert series: a metric's readings or a category's appeals in a base cell. */
export interface AlertBucketRow {
  /** Metric code (physical) or first-level category (human). */
  key: string;
  h3: string;
  atMs: number;
  sum: number;
  count: number;
}

export interface BucketRange {
  widthS: number;
  fromMs: number;
  toMs: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Readings per metric, base cell and bucket of `widthS` (300 or 3600) in
 * the ranges, from the rollup tier of that width (an hour not derived yet
 * from its 5-minute buckets).
 * @example await findReadingBuckets(db, [{ widthS: 3600, fromMs, toMs }]) // [{ key: 'noise_db', h3, atMs, sum, count }]
 */
export async function findReadingBuckets(db: Db, ranges: readonly BucketRange[]): Promise<AlertBucketRow[]> {
  if (ranges.length === 0) return [];
  const readable = await readableRangesEach(db, ranges);
  const params: unknown[] = [];
  const scans = ranges.flatMap((range, r) => {
    params.push(range.widthS);
    const width = `$${params.length}::float8`;
    return readable[r]!.map((piece) => {
      params.push(piece.widthS, iso(piece.fromMs), iso(piece.toMs));
      const n = params.length;
      return `SELECT metric AS key, to_hex(cell) AS h3, (floor(extract(epoch FROM bucket) / ${width}) * ${width} * 1000)::float8 AS "atMs", sum, count
              FROM cell_rollups WHERE width_s = $${n - 2} AND bucket >= $${n - 1} AND bucket < $${n}`;
    });
  });
  if (scans.length === 0) return [];
  return db.query<AlertBucketRow>(
    `SELECT key, h3, "atMs", sum(sum)::float8 AS sum, sum(count)::float8 AS count FROM (${scans.join(' UNION ALL ')}) AS rollups GROUP BY key, h3, "atMs"`,
    params,
  );
}

/**
 * Located appeals (duplicates left out) per first-level category, base cell
 * and bucket of `widthS` seconds in the ranges.
 * @example await findAppealBuckets(db, [{ widthS: 3600, fromMs, toMs }]) // [{ key: 'noise', h3, atMs, sum: 4, count: 4 }]
 */
export async function findAppealBuckets(db: Db, ranges: readonly BucketRange[]): Promise<AlertBucketRow[]> {
  if (ranges.length === 0) return [];
  const params: unknown[] = [];
  const scans = ranges.map((range) => {
    params.push(range.widthS, iso(range.fromMs), iso(range.toMs));
    const n = params.length;
    return `SELECT split_part(category, '.', 1) AS key, to_hex(cell) AS h3,
              (floor(extract(epoch FROM received_at) / $${n - 2}) * $${n - 2} * 1000)::float8 AS "atMs",
              count(*)::float8 AS sum, count(*)::float8 AS count
            FROM appeals WHERE cell IS NOT NULL AND status <> 'duplicate' AND received_at >= $${n - 1} AND received_at < $${n}
            GROUP BY 1, 2, 3`;
  });
  return db.query<AlertBucketRow>(scans.join(' UNION ALL '), params);
}

/**
 * The newest data time in the store: the latest reading's time or the
 * latest appeal's receipt, epoch ms (null when empty). The alert job's
 * watermark moves with this, never with the wall clock.
 */
export async function findNewestDataMs(db: Db): Promise<number | null> {
  const [row] = await db.query<{ ms: number | null }>(
    `SELECT (extract(epoch FROM greatest((SELECT max(ts) FROM readings), (SELECT max(received_at) FROM appeals WHERE cell IS NOT NULL))) * 1000)::float8 AS ms`,
  );
  return row?.ms ?? null;
}
