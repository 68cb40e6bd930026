import { cellResolution, cellToBigInt, parentCell, type CellValue, type H3Cell, type MetricCode } from '@citytwin/shared';
import type { Db } from '../backends/db';
import { parentCellSql } from './cell-sql';
import { readableRanges } from './pending-hours';
import { rollupRanges } from './rollup-ranges';

export interface CellWindow {
  /** Resolution of the cells returned (at most the stored base resolution). */
  res: number;
  fromMs: number;
  toMs: number;
}

/**
 * SQL true for a stored cell (bigint `column`) that lies in one of `cells`
 * (any resolutions), or in one of their parents at `res` when they are finer:
 * a cell of `res` is re-read whole or not at all. One `ANY` array parameter
 * per resolution, appended to `params`.
 */
function withinCellsSql(column: string, cells: readonly H3Cell[], res: number, params: unknown[]): string {
  const byRes = new Map<number, Set<string>>();
  for (const cell of cells) {
    const cellRes = Math.min(cellResolution(cell), res);
    let ids = byRes.get(cellRes);
    if (!ids) byRes.set(cellRes, (ids = new Set()));
    ids.add(cellToBigInt(cellRes < cellResolution(cell) ? parentCell(cell, cellRes) : cell).toString());
  }
  return [...byRes].map(([cellRes, ids]) => {
    params.push([...ids]);
    return `${parentCellSql(column, cellRes)} = ANY($${params.length}::bigint[])`;
  }).join(' OR ');
}

/**
 * Mean and count of one metric per cell over the window, from the rollups:
 * exactly the readings of the 5-minute buckets that start in [fromMs, toMs),
 * read as whole days, whole hours and 5-minute edges ({@link rollupRanges};
 * hours not derived yet from their 5-minute buckets, see `readableRanges`),
 * so a 30-day window reads about one row per cell and day. With `within`,
 * only the cells of `window.res` that lie in, or contain, those cells (any
 * resolution): what a live feed re-reads after a batch touched them.
 * @example await findPhysicalCells(db, 'noise_db', { res: 8, fromMs, toMs }) // [{ h3: '88...', value: 61.5, count: 288 }, ...]
 */
export async function findPhysicalCells(db: Db, metric: MetricCode, window: CellWindow, within?: readonly H3Cell[]): Promise<CellValue[]> {
  if (within?.length === 0) return [];
  const ranges = await readableRanges(db, rollupRanges(window.fromMs, window.toMs), metric);
  if (ranges.length === 0) return [];
  const params: unknown[] = [metric];
  const onlyWithin = within ? ` AND (${withinCellsSql('cell', within, window.res, params)})` : '';
  const scans = ranges.map((range) => {
    params.push(range.widthS, new Date(range.fromMs).toISOString(), new Date(range.toMs).toISOString());
    const n = params.length;
    return `SELECT ${parentCellSql('cell', window.res)} AS parent, sum, count FROM cell_rollups
            WHERE metric = $1 AND width_s = $${n - 2} AND bucket >= $${n - 1} AND bucket < $${n}${onlyWithin}`;
  });
  return db.query<CellValue>(
    `SELECT to_hex(parent) AS h3, (sum(sum) / sum(count))::float8 AS value, sum(count)::float8 AS count
     FROM (${scans.join(' UNION ALL ')}) AS rollups
     GROUP BY parent ORDER BY parent`,
    params,
  );
}

export interface HumanCellFilter {
  /** A first- or second-level category code; a first-level one includes its children. */
  category?: string;
  status?: string;
}

/** Number of appeals received in [fromMs, toMs) per cell. Appeals without a location are not counted. */
export async function findHumanCells(db: Db, window: CellWindow, filter: HumanCellFilter = {}): Promise<CellValue[]> {
  const params: unknown[] = [new Date(window.fromMs).toISOString(), new Date(window.toMs).toISOString()];
  let where = 'cell IS NOT NULL AND received_at >= $1 AND received_at < $2';
  if (filter.category) {
    params.push(filter.category);
    where += ` AND (category = $${params.length} OR category LIKE $${params.length} || '.%')`;
  }
  if (filter.status) {
    params.push(filter.status);
    where += ` AND status = $${params.length}`;
  }
  return db.query<CellValue>(
    `SELECT to_hex(parent) AS h3, count(*)::float8 AS value, count(*)::float8 AS count
     FROM (SELECT ${parentCellSql('cell', window.res)} AS parent FROM appeals WHERE ${where}) AS located
     GROUP BY parent ORDER BY parent`,
    params,
  );
}

/**
 * The physical layer straight from raw readings: mean and count of `metric`
 * per cell over readings with ts in [fromMs, toMs), by a plain `GROUP BY`.
 * What the rollups must equal on 5-minute-aligned windows (tests), and the
 * naive baseline of `pnpm bench:query`. The API never calls it.
 */
export async function findPhysicalCellsFromReadings(db: Db, metric: MetricCode, window: CellWindow): Promise<CellValue[]> {
  return db.query<CellValue>(
    `SELECT to_hex(parent) AS h3, avg(value)::float8 AS value, count(*)::float8 AS count
     FROM (SELECT ${parentCellSql('cell', window.res)} AS parent, value FROM readings WHERE metric = $1 AND ts >= $2 AND ts < $3) AS raw
     GROUP BY parent ORDER BY parent`,
    [metric, new Date(window.fromMs).toISOString(), new Date(window.toMs).toISOString()],
  );
}
