import type { CellDatum } from '../api/api-types';
import type { CellColumns } from '../api/cell-columns';
import type { Rgba } from './palette';

/**
 * RGBA bytes of every cell, four per cell (deck.gl's binary `getFillColor` /
 * `getLineColor` attribute, normalised). Recomputed when the colours change;
 * the geometry is not.
 * @example fillColours(columns, () => [255, 0, 0, 210]).subarray(0, 4) // Uint8Array [255, 0, 0, 210]
 */
export function fillColours(columns: CellColumns, colour: (cell: CellDatum) => Rgba): Uint8Array {
  const bytes = new Uint8Array(columns.length * 4);
  // One scratch object, so colouring 100k cells allocates nothing per cell.
  const cell: CellDatum = { h3: '', value: 0, count: 0 };
  for (let index = 0; index < columns.length; index += 1) {
    cell.h3 = columns.h3[index]!;
    cell.value = columns.value[index]!;
    cell.count = columns.count[index]!;
    bytes.set(colour(cell), index * 4);
  }
  return bytes;
}
