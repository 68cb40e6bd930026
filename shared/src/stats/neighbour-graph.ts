import { getResolution, gridDisk, isPentagon } from 'h3-js';
import { diskOffsets, isPentagonBaseCell, latticeColumns, latticeRegion, type LatticeColumns } from '../grid/cell-lattice';
import { LatticeIndex } from '../grid/lattice-index';
import type { H3Cell } from '../grid/cell';

/**
 * Who neighbours whom among n positions, in compressed sparse row form: the
 * neighbours of position `i` (itself included) are
 * `index[offsets[i]] ... index[offsets[i + 1] - 1]`.
 */
export interface NeighbourGraph {
  /** n + 1 entries, non-decreasing, `offsets[0] = 0`. */
  offsets: Int32Array;
  index: Int32Array;
  /** 1 where the position is an H3 pentagon (statistics treat it apart). */
  pentagon: Uint8Array;
}

/** A growing list of neighbour positions. */
class RowWriter {
  index = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.index.length) {
      const grown = new Int32Array(this.index.length * 2);
      grown.set(this.index);
      this.index = grown;
    }
    this.index[this.length] = value;
    this.length += 1;
  }
}

/**
 * Appends the lattice neighbours of `row`; false (and nothing appended) when
 * the disc leaves the base cell or touches a pentagonal base cell's deleted
 * sector, where only `gridDisk` knows the neighbours.
 */
function writeLatticeNeighbours(row: number, columns: LatticeColumns, lattice: LatticeIndex, disc: ReadonlyArray<[number, number]>, out: RowWriter): boolean {
  const base = columns.baseCell[row]!;
  const res = columns.res[row]!;
  const i = columns.i[row]!;
  const j = columns.j[row]!;
  const start = out.length;
  for (const [di, dj] of disc) {
    const neighbour = lattice.find(base, i + di, j + dj);
    if (neighbour >= 0) out.push(neighbour);
    else if (latticeRegion(res, i + di, j + dj, isPentagonBaseCell(base)) !== 'inside') {
      out.length = start;
      return false;
    }
  }
  return true;
}

function checkOneResolution(cells: readonly H3Cell[], columns: LatticeColumns): void {
  const res = cells.length > 0 ? columns.res[0]! : 0;
  for (let row = 0; row < cells.length; row += 1) {
    if (columns.res[row] !== res || (columns.valid[row] !== 1 && getResolution(cells[row]!) !== res)) {
      throw new RangeError(`cells must share one resolution: ${cells[0]} is ${res}, ${cells[row]} is ${getResolution(cells[row]!)}`);
    }
  }
}

/**
 * The binary ring-`rings` neighbourhood of every cell among `cells` (unique
 * H3 cells of one resolution): the cells of `gridDisk(cell, rings)` that are
 * in the list, the cell itself included, by their positions in the list.
 *
 * Most neighbourhoods come from integer arithmetic on each base cell's lattice
 * (`latticeColumns`); one that crosses into another base cell, or touches a
 * pentagonal base cell's deleted sector, falls back to h3-js `gridDisk`, so
 * the result always equals `gridDisk`'s (tested on both paths).
 * @example cellNeighbourGraph(['8831aa4287fffff', ...], 1).offsets // Int32Array [0, 7, 11, ...]
 */
export function cellNeighbourGraph(cells: readonly H3Cell[], rings: number): NeighbourGraph {
  if (!Number.isInteger(rings) || rings < 0) throw new RangeError(`rings must be a whole number >= 0, got ${rings}`);
  const n = cells.length;
  const columns = latticeColumns(cells);
  checkOneResolution(cells, columns);
  const lattice = new LatticeIndex(columns);
  const disc = diskOffsets(rings);
  const offsets = new Int32Array(n + 1);
  const pentagon = new Uint8Array(n);
  const out = new RowWriter();
  let byCell: Map<H3Cell, number> | undefined;
  for (let row = 0; row < n; row += 1) {
    if (columns.valid[row] !== 1 || !writeLatticeNeighbours(row, columns, lattice, disc, out)) {
      byCell ??= new Map(cells.map((cell, position) => [cell, position]));
      for (const near of gridDisk(cells[row]!, rings)) {
        const neighbour = byCell.get(near);
        if (neighbour !== undefined) out.push(neighbour);
      }
      if (isPentagon(cells[row]!)) pentagon[row] = 1;
    }
    offsets[row + 1] = out.length;
  }
  return { offsets, index: out.index.slice(0, out.length), pentagon };
}
