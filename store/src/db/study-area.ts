import { METRIC_CODES, type CellValue, type H3Cell, type MetricCode } from '@citytwin/shared';
import type { Db } from '../backends/db';
import { parentCellSql } from './cell-sql';
import { findHumanCells, findPhysicalCells, type CellWindow, type HumanCellFilter } from './cells';

/** How far before `to` the human study area looks for appeals and sensors: 90 days. */
export const STUDY_AREA_LOOKBACK_MS = 90 * 24 * 3600 * 1000;

/** What the human layer's study area is assembled from (see `assembleHumanStudyArea` in shared). */
export interface HumanStudyAreaRows {
  /**
   * Cells at the window's resolution that had any appeal (of any category) or
   * any sensor reading (of any metric) in the lookback: the 90 days before
   * `to`, or the whole window when it is longer.
   */
  activeCells: H3Cell[];
  /** Appeals of the filter per cell in [from, to); cells without one are absent. */
  counts: CellValue[];
}

/** Start of the lookback of a window: 90 days before `to`, or `from` when that is earlier. */
export function studyAreaLookbackStartMs(window: Pick<CellWindow, 'fromMs' | 'toMs'>): number {
  return Math.min(window.fromMs, window.toMs - STUDY_AREA_LOOKBACK_MS);
}

/**
 * The cells at `window.res` that had any appeal or any sensor reading between
 * the lookback start ({@link studyAreaLookbackStartMs}) and `toMs`: where the
 * city is observed at all, so a cell there without an appeal is a true zero.
 * @example await findActiveCells(db, { res: 8, fromMs, toMs }) // ['8831aa4287fffff', ...]
 */
export async function findActiveCells(db: Db, window: CellWindow): Promise<H3Cell[]> {
  const fromIso = new Date(studyAreaLookbackStartMs(window)).toISOString();
  const toIso = new Date(window.toMs).toISOString();
  const rows = await db.query<{ h3: string }>(
    `SELECT to_hex(parent) AS h3 FROM (
       SELECT ${parentCellSql('cell', window.res)} AS parent FROM appeals WHERE cell IS NOT NULL AND received_at >= $1 AND received_at < $2
       UNION
       SELECT ${parentCellSql('cell', window.res)} FROM cell_rollups WHERE metric = ANY($3) AND width_s = 3600 AND bucket >= $1 AND bucket < $2
     ) AS active ORDER BY parent`,
    [fromIso, toIso, [...METRIC_CODES]],
  );
  return rows.map((row) => row.h3);
}

/**
 * The rows of the human layer's study area: the active cells of the lookback
 * and the appeal counts of the window (a first-level category includes its
 * children). The pure step that adds ring neighbours and zeros is
 * `assembleHumanStudyArea` in `@citytwin/shared`.
 * @example await findHumanStudyArea(db, { res: 8, fromMs, toMs }, { category: 'noise' })
 */
export async function findHumanStudyArea(db: Db, window: CellWindow, filter: Pick<HumanCellFilter, 'category'> = {}): Promise<HumanStudyAreaRows> {
  const [activeCells, counts] = await Promise.all([findActiveCells(db, window), findHumanCells(db, window, filter)]);
  return { activeCells, counts };
}

/**
 * The physical layer's study area: every cell at `window.res` where a sensor
 * of `metric` reported in the window, with the mean of those readings as its
 * value and their number as its count.
 * @example await findPhysicalStudyArea(db, 'noise_db', { res: 8, fromMs, toMs }) // [{ h3, value: 61.2, count: 288 }, ...]
 */
export async function findPhysicalStudyArea(db: Db, metric: MetricCode, window: CellWindow): Promise<CellValue[]> {
  return findPhysicalCells(db, metric, window);
}
