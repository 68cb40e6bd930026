import type { H3Cell } from '../grid/cell';

/**
 * Values of `cells` x `steps` bins: the value of cell `i` at step `t` is
 * `values[t * cells.length + i]` (step-major, so one step is one contiguous slice).
 */
export interface SpaceTimeCube {
  cells: readonly H3Cell[];
  steps: number;
  values: Float64Array;
}

/**
 * A cube from per-step maps of cell values: every cell that appears in the
 * study area `cells`, 0 where a step has no value for it (an appeal count's
 * true zero; a physical layer passes its own filled values).
 * @example cubeFromSteps(['89...'], [new Map([['89...', 3]]), new Map()]).values // Float64Array [3, 0]
 */
export function cubeFromSteps(cells: readonly H3Cell[], steps: ReadonlyArray<ReadonlyMap<H3Cell, number>>): SpaceTimeCube {
  const n = cells.length;
  const values = new Float64Array(n * steps.length);
  steps.forEach((step, t) => {
    cells.forEach((cell, i) => {
      values[t * n + i] = step.get(cell) ?? 0;
    });
  });
  return { cells, steps: steps.length, values };
}
