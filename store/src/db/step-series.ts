import { cellToBigInt, type H3Cell, type MetricCode } from '@citytwin/shared';
import type { Db } from '../backends/db';
import { parentCellSql } from './cell-sql';
import { readableRanges } from './pending-hours';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Equal time steps `[originMs + k stepMs, originMs + (k + 1) stepMs)` for
 * k = 0..steps − 1, at resolution `res`; `cell` narrows to one cell at that
 * resolution, `citywide` sums every cell into one (reported as h3 `null`).
 * `originMs` and `stepMs` must be whole multiples of 5 minutes (whole hours
 * from an hour on, whole days from a day on), as the rollup tiers are.
 */
export interface StepGrid {
  res: number;
  originMs: number;
  stepMs: number;
  steps: number;
  cell?: H3Cell;
  citywide?: boolean;
}

/** One step of one cell: readings' sum and count, or appeals' count (sum = count). */
export interface StepValue {
  h3: H3Cell | null;
  step: number;
  sum: number;
  count: number;
}

/** The rollup tier a step reads: days for day-or-longer steps, else hours, else 5 minutes. */
function tierOf(stepMs: number): number {
  return stepMs >= DAY_MS ? 86_400 : stepMs >= HOUR_MS ? 3_600 : 300;
}

function checkGrid(grid: StepGrid): void {
  const tierMs = tierOf(grid.stepMs) * 1000;
  if (grid.stepMs % tierMs !== 0 || grid.originMs % tierMs !== 0) throw new RangeError(`steps of ${grid.stepMs} ms from ${grid.originMs} do not fall on ${tierMs / 1000} s rollup buckets`);
  if (!Number.isInteger(grid.steps) || grid.steps < 0) throw new RangeError(`steps must be a whole number >= 0, got ${grid.steps}`);
}

/** The grouping expression and its optional one-cell filter. */
function cellGrouping(grid: StepGrid, params: unknown[]): { select: string; filter: string } {
  if (grid.citywide) return { select: 'NULL::text', filter: '' };
  const parent = parentCellSql('cell', grid.res);
  if (!grid.cell) return { select: `to_hex(${parent})`, filter: '' };
  params.push(cellToBigInt(grid.cell).toString());
  return { select: `to_hex(${parent})`, filter: `AND ${parent} = $${params.length}::bigint` };
}

/**
 * Sum and count of one metric's readings per cell and step, from the rollup
 * tier that fits the step (exact: each tier holds every reading once; an hour
 * not derived yet is read from its 5-minute buckets).
 * Steps without a reading are absent.
 * @example await findPhysicalSteps(db, 'noise_db', { res: 8, originMs, stepMs: 3_600_000, steps: 24 }) // [{ h3, step: 0, sum: 3120, count: 60 }, ...]
 */
export async function findPhysicalSteps(db: Db, metric: MetricCode, grid: StepGrid): Promise<StepValue[]> {
  checkGrid(grid);
  if (grid.steps === 0) return [];
  const endMs = grid.originMs + grid.steps * grid.stepMs;
  const ranges = await readableRanges(db, [{ widthS: tierOf(grid.stepMs), fromMs: grid.originMs, toMs: endMs }], metric);
  const params: unknown[] = [metric, grid.originMs, grid.stepMs];
  const { select, filter } = cellGrouping(grid, params);
  const scans = ranges.map((range) => {
    params.push(range.widthS, new Date(range.fromMs).toISOString(), new Date(range.toMs).toISOString());
    const n = params.length;
    return `SELECT cell, bucket, sum, count FROM cell_rollups WHERE metric = $1 AND width_s = $${n - 2} AND bucket >= $${n - 1} AND bucket < $${n} ${filter}`;
  });
  return db.query<StepValue>(
    `SELECT ${select} AS h3, floor((extract(epoch FROM bucket) * 1000 - $2) / $3)::int AS step,
       sum(sum)::float8 AS sum, sum(count)::float8 AS count
     FROM (${scans.join(' UNION ALL ')}) AS rollups
     GROUP BY 1, 2 ORDER BY 1, 2`,
    params,
  );
}

/**
 * Appeals received per cell and step (a first-level `category` includes its
 * children; none: every appeal), duplicates included as received. Appeals
 * without a location count only `citywide`. Steps without one are absent.
 * @example await findHumanSteps(db, { res: 8, originMs, stepMs: 86_400_000, steps: 30 }, 'noise') // [{ h3, step: 3, sum: 4, count: 4 }, ...]
 */
export async function findHumanSteps(db: Db, grid: StepGrid, category?: string): Promise<StepValue[]> {
  checkGrid(grid);
  if (grid.steps === 0) return [];
  const endMs = grid.originMs + grid.steps * grid.stepMs;
  const params: unknown[] = [new Date(grid.originMs).toISOString(), new Date(endMs).toISOString(), grid.originMs, grid.stepMs];
  let where = 'received_at >= $1 AND received_at < $2';
  if (!grid.citywide) where += ' AND cell IS NOT NULL';
  if (category) {
    params.push(category);
    where += ` AND (category = $${params.length} OR category LIKE $${params.length} || '.%')`;
  }
  const { select, filter } = cellGrouping(grid, params);
  return db.query<StepValue>(
    `SELECT ${select} AS h3, floor((extract(epoch FROM received_at) * 1000 - $3) / $4)::int AS step,
       count(*)::float8 AS sum, count(*)::float8 AS count
     FROM appeals WHERE ${where} ${filter}
     GROUP BY 1, 2 ORDER BY 1, 2`,
    params,
  );
}
