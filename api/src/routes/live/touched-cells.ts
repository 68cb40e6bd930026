import { cellResolution, parentCell, type H3Cell } from '@citytwin/shared';

/** Past this many touched cells one whole re-read is cheaper than a long list of cells. */
export const MAX_TOUCHED_CELLS = 4_000;

/**
 * The cells a feed must re-read, gathered from announcements between two
 * refreshes: each at most as fine as the feed's resolution (a finer cell
 * stands for its parent, which must be re-read whole), or "everything" when
 * some announcement did not say where.
 */
export class TouchedCells {
  private readonly cells = new Set<H3Cell>();
  private all = false;

  constructor(private readonly res: number) {}

  add(cells: readonly H3Cell[]): void {
    if (this.all) return;
    for (const cell of cells) this.cells.add(cellResolution(cell) > this.res ? parentCell(cell, this.res) : cell);
    if (this.cells.size > MAX_TOUCHED_CELLS) this.addAll();
  }

  addAll(): void {
    this.all = true;
    this.cells.clear();
  }

  /** What was touched since the last call, and forgets it: the cells, or undefined for "everything". */
  take(): H3Cell[] | undefined {
    const taken = this.all ? undefined : [...this.cells];
    this.all = false;
    this.cells.clear();
    return taken;
  }

  /**
   * A test for cells of resolution `res`: does it lie in one of `within`
   * (each at most as fine as `res`)?
   * @example TouchedCells.matcher([parentCell(cell, 7)], 9)(cell) // true
   */
  static matcher(within: readonly H3Cell[], res: number): (cell: H3Cell) => boolean {
    const byRes = new Map<number, Set<H3Cell>>();
    for (const cell of within) {
      const cellRes = cellResolution(cell);
      let set = byRes.get(cellRes);
      if (!set) byRes.set(cellRes, (set = new Set()));
      set.add(cell);
    }
    const levels = [...byRes];
    return (cell) => levels.some(([cellRes, set]) => set.has(cellRes === res ? cell : parentCell(cell, cellRes)));
  }
}
