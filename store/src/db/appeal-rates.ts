import type { AreaCounts } from '@citytwin/shared';
import type { Queryable } from '../backends/db';

/** The level the three rates are ranked at. */
export type RankingLevel = 'street' | 'district' | 'department';

const AREA_SOURCES: Record<RankingLevel, { area: string; from: string }> = {
  street: { area: 'street', from: 'appeals' },
  district: { area: 'district', from: 'appeals' },
  // A joint case (吹哨报到) counts for every department that reported for duty.
  department: { area: 'department', from: 'appeals CROSS JOIN LATERAL unnest(departments) AS d(department)' },
};

/**
 * The counts behind the three rates for every area (or department) with
 * appeals received in [fromMs, toMs), duplicates excluded, as they stand now.
 * `responded in time` means the first response came by the response deadline.
 */
export async function countRatesByArea(db: Queryable, level: RankingLevel, fromMs: number, toMs: number): Promise<AreaCounts[]> {
  const source = AREA_SOURCES[level];
  const rows = await db.query<{ area: string; received: number; responded: number; respondedInTime: number; resolved: number; rated: number; satisfied: number; basicallySatisfied: number }>(
    `SELECT ${source.area} AS area,
       count(*)::int AS received,
       count(responded_at)::int AS responded,
       count(*) FILTER (WHERE responded_at <= response_due)::int AS "respondedInTime",
       count(*) FILTER (WHERE outcome = 'resolved')::int AS resolved,
       count(rating)::int AS rated,
       count(*) FILTER (WHERE rating = 'satisfied')::int AS satisfied,
       count(*) FILTER (WHERE rating = 'basically_satisfied')::int AS "basicallySatisfied"
     FROM ${source.from}
     WHERE received_at >= $1 AND received_at < $2 AND status <> 'duplicate' AND ${source.area} IS NOT NULL
     GROUP BY 1 ORDER BY 1`,
    [new Date(fromMs).toISOString(), new Date(toMs).toISOString()],
  );
  return rows.map(({ area, ...counts }) => ({ area, counts }));
}

export interface CategoryCountRow {
  area: string;
  category: string;
  /** Appeals in the window. */
  count: number;
  /** Appeals in the 28 days before the window. */
  baselineCount: number;
}

/**
 * Appeals per area and category in [fromMs, toMs) and in the 4 weeks before
 * `fromMs` (the baseline), duplicates excluded. `area` narrows to one area.
 */
export async function countCategoriesByArea(
  db: Queryable,
  level: 'street' | 'district',
  window: { fromMs: number; toMs: number; baselineFromMs: number },
  area?: string,
): Promise<CategoryCountRow[]> {
  const params: unknown[] = [new Date(window.baselineFromMs).toISOString(), new Date(window.fromMs).toISOString(), new Date(window.toMs).toISOString()];
  if (area !== undefined) params.push(area);
  return db.query<CategoryCountRow>(
    `SELECT ${level} AS area, category,
       count(*) FILTER (WHERE received_at >= $2)::int AS count,
       count(*) FILTER (WHERE received_at < $2)::int AS "baselineCount"
     FROM appeals
     WHERE received_at >= $1 AND received_at < $3 AND status <> 'duplicate' AND ${level} IS NOT NULL
       ${area !== undefined ? `AND ${level} = $4` : ''}
     GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2`,
    params,
  );
}

/**
 * Appeals per area and first-level category received in [fromMs, toMs),
 * duplicates excluded (a second-level code counts for its first level).
 * @example await countFirstLevelCategoriesByArea(db, 'district', fromMs, toMs) // [{ area: '东城区', category: 'noise', count: 31 }, ...]
 */
export async function countFirstLevelCategoriesByArea(db: Queryable, level: 'street' | 'district', fromMs: number, toMs: number): Promise<Array<{ area: string; category: string; count: number }>> {
  return db.query(
    `SELECT ${level} AS area, split_part(category, '.', 1) AS category, count(*)::int AS count
     FROM appeals
     WHERE received_at >= $1 AND received_at < $2 AND status <> 'duplicate' AND ${level} IS NOT NULL
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [new Date(fromMs).toISOString(), new Date(toMs).toISOString()],
  );
}
