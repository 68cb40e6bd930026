import type { CellValue } from '@citytwin/shared';

/**
 * One live layer's cells as deck.gl data: a snapshot replaces them, a delta
 * changes only the cells it names. Cells a delta does not touch keep their
 * objects, and each change yields a new array (deck.gl compares `data` by
 * reference), so the same layer (same id) is updated in place rather than
 * rebuilt. `version` counts the changes, for `updateTriggers`.
 */
export class LiveLayerData {
  private readonly cells = new Map<string, CellValue>();
  private array: CellValue[] = [];
  /** Resolution of the last snapshot; deltas for another resolution are stale and ignored. */
  res: number | undefined;
  version = 0;

  /** The cells, as one array that stays the same object until the next change. */
  get data(): readonly CellValue[] {
    return this.array;
  }

  applySnapshot(res: number, cells: readonly CellValue[]): void {
    this.cells.clear();
    for (const cell of cells) this.cells.set(cell.h3, cell);
    this.res = res;
    this.publish();
  }

  /** Applies a delta; false (and nothing changed) when it is for another resolution than the snapshot. */
  applyDelta(res: number, changed: readonly CellValue[], removed: readonly string[]): boolean {
    if (res !== this.res) return false;
    for (const cell of changed) this.cells.set(cell.h3, cell);
    for (const h3 of removed) this.cells.delete(h3);
    this.publish();
    return true;
  }

  private publish(): void {
    this.array = [...this.cells.values()];
    this.version += 1;
  }
}
