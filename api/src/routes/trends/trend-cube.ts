import { assembleHumanStudyArea, type H3Cell, type MetricCode, type SpaceTimeCube, type StepGridSpan } from '@citytwin/shared';
import { findActiveCells, findHumanSteps, findPhysicalSteps, type Db } from '@citytwin/store';

/** The most bins one emerging-hot-spot request may analyse. */
export const MAX_CUBE_BINS = 2_000_000;

/** Thrown when a cube would exceed {@link MAX_CUBE_BINS}. */
export class CubeTooLargeError extends Error {
  constructor(readonly bins: number) {
    super(`${bins} bins (cells x steps) exceed the limit of ${MAX_CUBE_BINS}`);
  }
}

function checkSize(cells: number, grid: StepGridSpan): void {
  if (cells * grid.steps > MAX_CUBE_BINS) throw new CubeTooLargeError(cells * grid.steps);
}

/**
 * The physical layer's cube: every cell where a sensor of `metric` reported
 * in the window; a bin is the mean of its readings. A bin without a reading
 * takes its cell's mean over the whole window, so a gap neither raises nor
 * lowers the cell (ArcGIS fills empty bins with an estimate too; its
 * "Create Space Time Cube" offers the location's mean among its options).
 */
export async function physicalCube(db: Db, metric: MetricCode, res: number, grid: StepGridSpan): Promise<SpaceTimeCube> {
  checkSize(1, grid);
  const rows = await findPhysicalSteps(db, metric, { res, ...grid });
  const byCell = new Map<H3Cell, Array<{ step: number; mean: number }>>();
  const totals = new Map<H3Cell, { sum: number; count: number }>();
  for (const row of rows) {
    const h3 = row.h3!;
    byCell.set(h3, [...(byCell.get(h3) ?? []), { step: row.step, mean: row.sum / row.count }]);
    const total = totals.get(h3) ?? { sum: 0, count: 0 };
    totals.set(h3, { sum: total.sum + row.sum, count: total.count + row.count });
  }
  const cells = [...byCell.keys()];
  checkSize(cells.length, grid);
  const values = new Float64Array(cells.length * grid.steps);
  cells.forEach((h3, i) => {
    const total = totals.get(h3)!;
    for (let t = 0; t < grid.steps; t += 1) values[t * cells.length + i] = total.sum / total.count;
    for (const { step, mean } of byCell.get(h3)!) values[step * cells.length + i] = mean;
  });
  return { cells, steps: grid.steps, values };
}

/**
 * The human layer's cube: the human study area of the window (active cells
 * and their rings, as for Gi* hot spots); a bin is the number of appeals of
 * `category` received in it, 0 where none.
 */
export async function humanCube(db: Db, category: string | undefined, res: number, rings: number, grid: StepGridSpan): Promise<SpaceTimeCube> {
  checkSize(1, grid);
  const toMs = grid.originMs + grid.steps * grid.stepMs;
  const active = await findActiveCells(db, { res, fromMs: grid.originMs, toMs });
  const rows = await findHumanSteps(db, { res, ...grid }, category);
  const area = assembleHumanStudyArea({ activeCells: active, counts: rows.map((row) => ({ h3: row.h3!, value: row.count })) }, rings);
  const cells = [...area.keys()];
  checkSize(cells.length, grid);
  const position = new Map(cells.map((cell, i) => [cell, i]));
  const values = new Float64Array(cells.length * grid.steps);
  for (const row of rows) values[row.step * cells.length + position.get(row.h3!)!] = row.count;
  return { cells, steps: grid.steps, values };
}
