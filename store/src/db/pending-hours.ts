import type { Queryable } from '../backends/db';
import { avoidPendingHours, type RollupRange } from './rollup-ranges';

/**
 * Hour starts (epoch ms) in [fromMs, toMs) whose hour and day rollups are not
 * derived yet, of one metric or of any.
 */
export async function findPendingHours(db: Queryable, fromMs: number, toMs: number, metric?: string): Promise<number[]> {
  const params: unknown[] = [new Date(Math.floor(fromMs / 3_600_000) * 3_600_000).toISOString(), new Date(toMs).toISOString()];
  if (metric !== undefined) params.push(metric);
  const rows = await db.query<{ ms: number }>(
    `SELECT DISTINCT (extract(epoch FROM hour) * 1000)::float8 AS ms FROM rollup_pending_hours
     WHERE hour >= $1 AND hour < $2${metric === undefined ? '' : ' AND metric = $3'}`,
    params,
  );
  return rows.map((row) => row.ms);
}

/** The pending hours the coarse ranges among `ranges` cover; no look when all are 5-minute ranges. */
async function pendingHoursOf(db: Queryable, ranges: readonly RollupRange[], metric?: string): Promise<number[]> {
  const coarse = ranges.filter((range) => range.widthS > 300);
  if (coarse.length === 0) return [];
  return findPendingHours(db, Math.min(...coarse.map((range) => range.fromMs)), Math.max(...coarse.map((range) => range.toMs)), metric);
}

/**
 * `ranges` as they can be read right now: around the hours still pending
 * ({@link avoidPendingHours}). Ranges of 5-minute buckets alone need no look.
 * @example await readableRanges(db, rollupRanges(fromMs, toMs), 'noise_db')
 */
export async function readableRanges(db: Queryable, ranges: readonly RollupRange[], metric?: string): Promise<RollupRange[]> {
  return avoidPendingHours(ranges, await pendingHoursOf(db, ranges, metric));
}

/**
 * Each of `ranges` on its own as it can be read right now, with one look at
 * the pending hours for all of them.
 * @example await readableRangesEach(db, [current, lastWeek]) // [[...pieces of current], [...pieces of lastWeek]]
 */
export async function readableRangesEach(db: Queryable, ranges: readonly RollupRange[], metric?: string): Promise<RollupRange[][]> {
  const pending = await pendingHoursOf(db, ranges, metric);
  return ranges.map((range) => avoidPendingHours([range], pending));
}
