import type { CellDatum, CellsColumnarResponse, CellsResponse } from './api-types';

/** The cells of one layer as parallel columns: cell i is `h3[i]`, `value[i]`, `count[i]`. */
export interface CellColumns {
  length: number;
  h3: readonly string[];
  value: Float64Array;
  count: Float64Array;
}

export const NO_COLUMNS: CellColumns = { length: 0, h3: [], value: new Float64Array(0), count: new Float64Array(0) };

/**
 * The columns of a cells answer, in either form the api gives (`format=columnar`
 * or one object per cell).
 * @example columnsOf({ format: 'columnar', length: 1, h3: ['89…'], value: [52], count: [3], ... }).value // Float64Array [52]
 */
export function columnsOf(response: CellsResponse | CellsColumnarResponse): CellColumns {
  if ('format' in response && response.format === 'columnar') {
    return { length: response.length, h3: response.h3, value: Float64Array.from(response.value), count: Float64Array.from(response.count) };
  }
  const { cells } = response as CellsResponse;
  return {
    length: cells.length, h3: cells.map((cell) => cell.h3),
    value: Float64Array.from(cells, (cell) => cell.value), count: Float64Array.from(cells, (cell) => cell.count),
  };
}

/** True when both hold the same cells in the same order with the same values and counts (a refresh that changed nothing). */
export function sameColumns(a: CellColumns, b: CellColumns): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) {
    if (a.h3[index] !== b.h3[index] || a.value[index] !== b.value[index] || a.count[index] !== b.count[index]) return false;
  }
  return true;
}

/** One object per cell, for the tooltip, the drawer and the export (built once per data change). */
export function cellsOf(columns: CellColumns): CellDatum[] {
  const cells = new Array<CellDatum>(columns.length);
  for (let index = 0; index < columns.length; index += 1) cells[index] = { h3: columns.h3[index]!, value: columns.value[index]!, count: columns.count[index]! };
  return cells;
}
