import type { Queryable } from '../backends/db';

/** Appeals received and resolved in a window (a city's local day). */
export interface AppealDayCounts {
  received: number;
  resolved: number;
}

/**
 * Appeals received in [fromMs, toMs) and appeals whose outcome `resolved`
 * was recorded in it, duplicates excluded: the wall's "today" counters.
 * @example await countAppealsInDay(db, dayStartMs, dayStartMs + 86_400_000) // { received: 812, resolved: 640 }
 */
export async function countAppealsInDay(db: Queryable, fromMs: number, toMs: number): Promise<AppealDayCounts> {
  const params = [new Date(fromMs).toISOString(), new Date(toMs).toISOString()];
  const [row] = await db.query<AppealDayCounts>(
    `SELECT
       (SELECT count(*)::int FROM appeals WHERE received_at >= $1 AND received_at < $2 AND status <> 'duplicate') AS received,
       (SELECT count(*)::int FROM appeals WHERE outcome = 'resolved' AND outcome_at >= $1 AND outcome_at < $2 AND status <> 'duplicate') AS resolved`,
    params,
  );
  return row ?? { received: 0, resolved: 0 };
}

/** Appeals of one area and category past their resolution deadline. */
export interface OverdueGroup {
  /** The street, else the district, else `unknown`. */
  area: string;
  category: string;
  count: number;
  /** Epoch ms of the earliest missed deadline in the group. */
  oldestDueMs: number;
}

// Overdue now: the deadline passed and no outcome yet (the rule of overdueFlags in shared, for appeals still open).
const OVERDUE_NOW = `status <> 'duplicate' AND outcome_at IS NULL AND resolution_due < $1`;

/** Number of appeals past their resolution deadline at `nowMs` with no outcome yet. */
export async function countOverdueAppeals(db: Queryable, nowMs: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM appeals WHERE ${OVERDUE_NOW}`, [new Date(nowMs).toISOString()]);
  return row?.n ?? 0;
}

/**
 * Appeals overdue at `nowMs`, grouped by area (street, else district) and
 * category, most overdue first, at most `limit` groups with at least
 * `minCount` appeals each. No appeal's own fields leave the database.
 */
export async function listOverdueGroups(db: Queryable, nowMs: number, options: { limit: number; minCount: number }): Promise<OverdueGroup[]> {
  return db.query<OverdueGroup>(
    `SELECT coalesce(street, district, 'unknown') AS area, category, count(*)::int AS count,
       (extract(epoch FROM min(resolution_due)) * 1000)::float8 AS "oldestDueMs"
     FROM appeals WHERE ${OVERDUE_NOW}
     GROUP BY 1, 2 HAVING count(*) >= $2
     ORDER BY "oldestDueMs", 1, 2 LIMIT $3`,
    [new Date(nowMs).toISOString(), options.minCount, Math.trunc(options.limit)],
  );
}
