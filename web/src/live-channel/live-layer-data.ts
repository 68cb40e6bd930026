import type { CellValue } from '@citytwin/shared';
import { rowRanges, type RowRange } from './row-ranges';

/** Data versions remembered for {@link LiveLayerData.dataDiff}: deck.gl may skip a few between two renders. */
const DIFF_HISTORY = 8;
/** Past this share of rows changed, a whole update is as cheap as ranges. */
const WHOLE_UPDATE_SHARE = 0.5;

interface DataStep {
  from: readonly CellValue[];
  to: readonly CellValue[];
  /** Rows changed from `from` to `to`; undefined: all of them. */
  changed: RowRange[] | undefined;
}

/**
 * One live layer's cells as deck.gl data with stable rows: a snapshot
 * replaces them, a delta changes only the rows of the cells it names (a new
 * cell is appended, a removed one is replaced by the last row). Each change
 * yields a new array (deck.gl compares `data` by reference) with every other
 * row where it was, and {@link dataDiff} tells deck.gl, as its `_dataDiff`,
 * which rows to re-read, so the same layer (same id) updates a few attribute
 * rows in place instead of recomputing them all. `version` counts changes.
 */
export class LiveLayerData {
  private readonly rowOf = new Map<string, number>();
  private readonly rows: CellValue[] = [];
  private array: readonly CellValue[] = [];
  private readonly steps: DataStep[] = [];
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
    this.publish(undefined);
  }

  /** Applies a delta; false (and nothing changed) when it is for another resolution than the snapshot. */
  applyDelta(res: number, changed: readonly CellValue[], removed: readonly string[]): boolean {
    if (res !== this.res) return false;
    const touched = new Set<number>();
    for (const cell of changed) {
      let row = this.rowOf.get(cell.h3);
      if (row === undefined) {
        row = this.rows.length;
        this.rowOf.set(cell.h3, row);
      }
      this.rows[row] = cell;
      touched.add(row);
    }
    for (const h3 of removed) this.remove(h3, touched);
    const length = this.rows.length;
    for (const row of touched) if (row >= length) touched.delete(row);
    this.publish(touched.size > length * WHOLE_UPDATE_SHARE ? undefined : rowRanges(touched));
    return true;
  }

  /**
   * deck.gl's `_dataDiff` for this layer: the rows that changed from
   * `oldData` to `newData` when both are recent versions of this layer's
   * data, else undefined (deck.gl then updates every row).
   */
  readonly dataDiff = (newData: unknown, oldData: unknown): RowRange[] | undefined => {
    const start = this.steps.findIndex((step) => step.from === oldData);
    if (start < 0) return undefined;
    const ranges: RowRange[] = [];
    for (let i = start; i < this.steps.length; i += 1) {
      const step = this.steps[i]!;
      if (!step.changed) return undefined;
      ranges.push(...step.changed);
      if (step.to === newData) return ranges;
    }
    return undefined;
  };

  /** Removes a cell by moving the last row into its place (one more changed row, no shifting). */
  private remove(h3: string, touched: Set<number>): void {
    const row = this.rowOf.get(h3);
    if (row === undefined) return;
    this.rowOf.delete(h3);
    const last = this.rows.pop()!;
    if (row < this.rows.length) {
      this.rows[row] = last;
      this.rowOf.set(last.h3, row);
      touched.add(row);
    }
  }

  private publish(changed: RowRange[] | undefined): void {
    const next = this.rows.slice();
    this.steps.push({ from: this.array, to: next, changed });
    if (this.steps.length > DIFF_HISTORY) this.steps.shift();
    this.array = next;
    this.version += 1;
  }
}
