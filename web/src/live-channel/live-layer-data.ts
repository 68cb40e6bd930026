import type { CellValue } from '@citytwin/shared';

/**
 * One live layer's cells with stable rows: a snapshot replaces them, a delta
 * changes only the rows of the cells it names (a new cell is appended, a
 * removed one is replaced by the last row), and every other cell stays the
 * same object in the same row. Each change yields a new array (the layers
 * compare data by reference, and build their binary attributes once per
 * array). `version` counts changes.
 */
export class LiveLayerData {
  private readonly rowOf = new Map<string, number>();
  private readonly rows: CellValue[] = [];
  private array: readonly CellValue[] = [];
  /** Resolution of the last snapshot; deltas for another resolution are stale and ignored. */
  res: number | undefined;
  version = 0;

  /** The cells, as one array that stays the same object until the next change. */
  get data(): readonly CellValue[] {
    return this.array;
  }

  applySnapshot(res: number, cells: readonly CellValue[]): void {
    this.rowOf.clear();
    this.rows.length = 0;
    for (const cell of cells) {
      this.rowOf.set(cell.h3, this.rows.length);
      this.rows.push(cell);
    }
    this.res = res;
    this.publish();
  }

  /** Applies a delta; false (and nothing changed) when it is for another resolution than the snapshot. */
  applyDelta(res: number, changed: readonly CellValue[], removed: readonly string[]): boolean {
    if (res !== this.res) return false;
    for (const cell of changed) {
      let row = this.rowOf.get(cell.h3);
      if (row === undefined) {
        row = this.rows.length;
        this.rowOf.set(cell.h3, row);
      }
      this.rows[row] = cell;
    }
    for (const h3 of removed) this.remove(h3);
    this.publish();
    return true;
  }

  /** Removes a cell by moving the last row into its place (no shifting). */
  private remove(h3: string): void {
    const row = this.rowOf.get(h3);
    if (row === undefined) return;
    this.rowOf.delete(h3);
    const last = this.rows.pop()!;
    if (row < this.rows.length) {
      this.rows[row] = last;
      this.rowOf.set(last.h3, row);
    }
  }

  private publish(): void {
    this.array = this.rows.slice();
    this.version += 1;
  }
}
