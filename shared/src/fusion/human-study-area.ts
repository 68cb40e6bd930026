import { gridDisk } from 'h3-js';
import type { H3Cell } from '../grid/cell';

/** What the store finds for the human layer's study area. */
export interface HumanStudyAreaInput {
  /** Cells with any appeal or any sensor reading in the 90 days before the window's end. */
  activeCells: readonly H3Cell[];
  /** Appeal counts of the window, per cell (cells without appeals may be absent). */
  counts: ReadonlyArray<{ h3: H3Cell; value: number }>;
}

/**
 * The human layer's study area as Gi* input: every active cell and every cell
 * within `rings` grid steps of one (`gridDisk`), each with its appeal count in
 * the window — 0 where no appeal of the category was received. A cell with
 * appeals in the window is active by definition; it is kept even if the
 * caller's active list missed it.
 * @example assembleHumanStudyArea({ activeCells: [a], counts: [{ h3: a, value: 4 }] }, 1).size // 7
 */
export function assembleHumanStudyArea(input: HumanStudyAreaInput, rings: number): Map<H3Cell, number> {
  if (!Number.isInteger(rings) || rings < 0) throw new RangeError(`rings must be a whole number >= 0, got ${rings}`);
  const area = new Map<H3Cell, number>();
  const seeds = new Set<H3Cell>(input.activeCells);
  for (const { h3 } of input.counts) seeds.add(h3);
  for (const seed of seeds) {
    for (const cell of gridDisk(seed, rings)) area.set(cell, 0);
  }
  for (const { h3, value } of input.counts) area.set(h3, value);
  return area;
}
