import { getPentagons } from 'h3-js';
import type { H3Cell } from './cell';

/**
 * A cell's position on the hexagonal lattice of its base cell, in H3's axial
 * IJ coordinates (IJK with k = 0) relative to the base cell's centre. Two cells
 * of one base cell and one resolution are neighbours exactly when their
 * positions differ by one of the six unit steps, so neighbourhoods can be found
 * with integer arithmetic instead of a `gridDisk` call per cell.
 */
export interface LatticePosition {
  baseCell: number;
  res: number;
  i: number;
  j: number;
  /**
   * True in the twelve pentagonal base cells, whose lattice lacks the sector of
   * leading digit 1 (H3's deleted K-axis subsequence): there, two cells are
   * lattice neighbours across that sector only through the pentagon's seam.
   */
  pentagonBase: boolean;
}

/** Finest resolution whose coordinates the packed keys below hold exactly. */
export const MAX_LATTICE_RESOLUTION = 12;

const PENTAGON_BASE_CELLS: ReadonlySet<number> = new Set(getPentagons(0).map((cell) => baseCellOf(splitIndex(cell)[1])));

function baseCellOf(upper: number): number {
  return (upper >>> 13) & 0x7f;
}

// Unit steps of the seven H3 digits (0 = centre, 1 = K, 2 = J, 3 = JK, 4 = I,
// 5 = IK, 6 = IJ) in IJ coordinates, from H3's IJK unit vectors minus their k.
const DIGIT_I = [0, -1, 0, -1, 1, 0, 1] as const;
const DIGIT_J = [0, -1, 1, 0, 0, -1, 1] as const;

/** Digit `r` (1..15) of an index given as its two 32-bit halves. */
function digitAt(lower: number, upper: number, r: number): number {
  const bit = (15 - r) * 3;
  if (bit >= 32) return (upper >>> (bit - 32)) & 7;
  if (bit <= 29) return (lower >>> bit) & 7;
  return ((lower >>> 30) | (upper << 2)) & 7;
}

/** Lattice positions of many cells, as columns; `valid[k]` is 0 where {@link latticePosition} gives null. */
export interface LatticeColumns {
  baseCell: Int32Array;
  res: Int32Array;
  i: Int32Array;
  j: Int32Array;
  valid: Uint8Array;
}

// The index as two 32-bit halves, read from its hex string digit by digit
// (no substrings): the last 8 digits are the lower half, the rest the upper.
function splitIndex(cell: H3Cell): [lower: number, upper: number] {
  const split = cell.length - 8;
  let upper = 0;
  let lower = 0;
  for (let k = 0; k < cell.length; k += 1) {
    const code = cell.charCodeAt(k);
    const digit = code <= 57 ? code - 48 : (code | 32) - 87;
    if (k < split) upper = upper * 16 + digit;
    else lower = lower * 16 + digit;
  }
  return [lower, upper];
}

/** Writes the lattice position of `cell` into row `row` of `out`; false when it has none. */
function writeLatticePosition(cell: H3Cell, out: LatticeColumns, row: number): boolean {
  const [lower, upper] = splitIndex(cell);
  const res = (upper >>> 20) & 0xf;
  out.baseCell[row] = baseCellOf(upper);
  out.res[row] = res;
  if (res > MAX_LATTICE_RESOLUTION) return false;
  let i = 0;
  let j = 0;
  for (let r = 1; r <= res; r += 1) {
    const scaledI = r % 2 === 1 ? 2 * i + j : 3 * i - j;
    const scaledJ = r % 2 === 1 ? 3 * j - i : i + 2 * j;
    const digit = digitAt(lower, upper, r);
    i = scaledI + DIGIT_I[digit]!;
    j = scaledJ + DIGIT_J[digit]!;
  }
  out.i[row] = i;
  out.j[row] = j;
  out.valid[row] = 1;
  return true;
}

/**
 * Lattice positions of `cells`, one row each, without an object per cell
 * (what neighbour searches over 100,000 cells want).
 */
export function latticeColumns(cells: readonly H3Cell[]): LatticeColumns {
  const n = cells.length;
  const out: LatticeColumns = { baseCell: new Int32Array(n), res: new Int32Array(n), i: new Int32Array(n), j: new Int32Array(n), valid: new Uint8Array(n) };
  for (let row = 0; row < n; row += 1) writeLatticePosition(cells[row]!, out, row);
  return out;
}

/** True for the twelve pentagonal base cells. */
export function isPentagonBaseCell(baseCell: number): boolean {
  return PENTAGON_BASE_CELLS.has(baseCell);
}

/**
 * Where `cell` lies on its base cell's lattice; `null` for resolutions above
 * {@link MAX_LATTICE_RESOLUTION}, which callers handle with `gridDisk`.
 *
 * Each resolution step scales the parent's coordinates by H3's aperture-7
 * matrices (`_downAp7` on odd, Class III resolutions, `_downAp7r` on even
 * ones) and adds the digit's unit step, as in H3's `_h3ToFaceIjk` before face
 * overage is applied (h3geo.org/docs/core-library/coordsystems).
 * @example latticePosition('8831aa4287fffff') // { baseCell: 24, res: 8, i: ..., j: ..., pentagonBase: true }
 */
export function latticePosition(cell: H3Cell): LatticePosition | null {
  const columns = latticeColumns([cell]);
  if (columns.valid[0] !== 1) return null;
  const baseCell = columns.baseCell[0]!;
  return { baseCell, res: columns.res[0]!, i: columns.i[0]!, j: columns.j[0]!, pentagonBase: PENTAGON_BASE_CELLS.has(baseCell) };
}

/** Where a lattice point lies relative to the base cell whose centre is the origin. */
export type LatticeRegion = 'inside' | 'other_base_cell' | 'deleted_sector';

/** The digit of each unit step, keyed by (di + 1) * 3 + (dj + 1); -1 where no digit has that step. */
const STEP_DIGIT = [1, 5, -1, 3, 0, 4, -1, 2, 6] as const;

/**
 * Where the lattice point (i, j) at `res` lies: rounding up through the
 * resolutions (`_upAp7` / `_upAp7r`, the inverses of the steps above) ends at
 * the base cell's centre for points inside it. Inside a pentagonal base cell,
 * a point whose leading non-zero digit is 1 is in the deleted sector.
 */
export function latticeRegion(res: number, i: number, j: number, pentagonBase: boolean): LatticeRegion {
  let a = i;
  let b = j;
  let leading = 0;
  for (let r = res; r >= 1; r -= 1) {
    const upI = r % 2 === 1 ? Math.round((3 * a - b) / 7) : Math.round((2 * a + b) / 7);
    const upJ = r % 2 === 1 ? Math.round((a + 2 * b) / 7) : Math.round((3 * b - a) / 7);
    const centreI = r % 2 === 1 ? 2 * upI + upJ : 3 * upI - upJ;
    const centreJ = r % 2 === 1 ? 3 * upJ - upI : upI + 2 * upJ;
    const digit = STEP_DIGIT[(a - centreI + 1) * 3 + (b - centreJ + 1)] ?? 0;
    if (digit > 0) leading = digit;
    a = upI;
    b = upJ;
  }
  if (a !== 0 || b !== 0) return 'other_base_cell';
  return pentagonBase && leading === 1 ? 'deleted_sector' : 'inside';
}

/**
 * The IJ steps from a cell to every cell within `rings` grid steps, itself
 * first: hex distance in these coordinates is max(|di|, |dj|, |di - dj|).
 */
export function diskOffsets(rings: number): Array<[di: number, dj: number]> {
  const offsets: Array<[number, number]> = [[0, 0]];
  for (let di = -rings; di <= rings; di += 1) {
    for (let dj = -rings; dj <= rings; dj += 1) {
      if ((di !== 0 || dj !== 0) && Math.max(Math.abs(di), Math.abs(dj), Math.abs(di - dj)) <= rings) offsets.push([di, dj]);
    }
  }
  return offsets;
}
