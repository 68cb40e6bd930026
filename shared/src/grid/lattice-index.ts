import type { LatticeColumns } from './cell-lattice';

/** Lattice slots a dense grid may spend per indexed cell before a hash map is used instead. */
const MAX_SLOTS_PER_CELL = 16;
const MIN_DENSE_SLOTS = 1 << 16;

/** The rows of one base cell, by lattice coordinates, in a bounding-box grid or a map. */
interface BaseCellIndex {
  minI: number;
  minJ: number;
  width: number;
  height: number;
  dense: Int32Array | null;
  sparse: Map<number, number> | null;
}

/**
 * Finds which row of a {@link LatticeColumns} table sits at a lattice point:
 * an array lookup in a dense bounding-box grid (a few slots per cell, the usual
 * case for a city's study area), or a map where the cells are spread thin.
 */
export class LatticeIndex {
  private readonly byBaseCell = new Map<number, BaseCellIndex>();

  constructor(columns: LatticeColumns) {
    const rowsByBaseCell = new Map<number, number[]>();
    for (let row = 0; row < columns.valid.length; row += 1) {
      if (columns.valid[row] !== 1) continue;
      const base = columns.baseCell[row]!;
      const rows = rowsByBaseCell.get(base);
      if (rows) rows.push(row);
      else rowsByBaseCell.set(base, [row]);
    }
    for (const [base, rows] of rowsByBaseCell) this.byBaseCell.set(base, indexRows(columns, rows));
  }

  /** The row at (i, j) of `baseCell`, or -1. */
  find(baseCell: number, i: number, j: number): number {
    const index = this.byBaseCell.get(baseCell);
    if (!index) return -1;
    const di = i - index.minI;
    const dj = j - index.minJ;
    if (di < 0 || dj < 0 || di >= index.height || dj >= index.width) return -1;
    const slot = di * index.width + dj;
    return index.dense ? index.dense[slot]! : (index.sparse!.get(slot) ?? -1);
  }
}

function indexRows(columns: LatticeColumns, rows: readonly number[]): BaseCellIndex {
  let minI = Infinity;
  let minJ = Infinity;
  let maxI = -Infinity;
  let maxJ = -Infinity;
  for (const row of rows) {
    minI = Math.min(minI, columns.i[row]!);
    maxI = Math.max(maxI, columns.i[row]!);
    minJ = Math.min(minJ, columns.j[row]!);
    maxJ = Math.max(maxJ, columns.j[row]!);
  }
  const height = maxI - minI + 1;
  const width = maxJ - minJ + 1;
  const slots = height * width;
  const index: BaseCellIndex = { minI, minJ, width, height, dense: null, sparse: null };
  if (slots <= Math.max(MIN_DENSE_SLOTS, rows.length * MAX_SLOTS_PER_CELL)) {
    index.dense = new Int32Array(slots).fill(-1);
    for (const row of rows) index.dense[(columns.i[row]! - minI) * width + (columns.j[row]! - minJ)] = row;
  } else {
    index.sparse = new Map();
    for (const row of rows) index.sparse.set((columns.i[row]! - minI) * width + (columns.j[row]! - minJ), row);
  }
  return index;
}
