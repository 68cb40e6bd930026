import type { Static } from 'typebox';
import type { CellsColumnarResponse, CellsResponse } from './cells-schema';

/**
 * The cells of an answer as parallel arrays (`format=columnar`): cell i is
 * `h3[i]`, `value[i]`, `count[i]`; every other field is kept as it is.
 * @example toColumnar({ layer: 'human', res: 8, from, to, cells: [{ h3: '88…', value: 3, count: 3 }] })
 * // { format: 'columnar', layer: 'human', res: 8, from, to, length: 1, h3: ['88…'], value: [3], count: [3] }
 */
export function toColumnar(body: Static<typeof CellsResponse>): Static<typeof CellsColumnarResponse> {
  const { cells, ...header } = body;
  const h3 = new Array<string>(cells.length);
  const value = new Array<number>(cells.length);
  const count = new Array<number>(cells.length);
  cells.forEach((cell, index) => {
    h3[index] = cell.h3;
    value[index] = cell.value;
    count[index] = cell.count;
  });
  return { format: 'columnar', ...header, length: cells.length, h3, value, count };
}
