import type { CellValue } from '@citytwin/shared';

/** What changed between two readings of a layer. */
export interface CellDiff {
  /** Cells that are new, or whose value or count moved. */
  changed: CellValue[];
  /** Cells that were there before and are gone now. */
  removed: string[];
}

/**
 * The cells of `next` that differ from `previous` (new, or another value or
 * count) and the cells of `previous` missing from `next`.
 * @example diffCells(new Map([['a', { h3: 'a', value: 1, count: 1 }]]), new Map()) // { changed: [], removed: ['a'] }
 */
export function diffCells(previous: ReadonlyMap<string, CellValue>, next: ReadonlyMap<string, CellValue>): CellDiff {
  const changed: CellValue[] = [];
  const removed: string[] = [];
  for (const [h3, cell] of next) {
    const before = previous.get(h3);
    if (!before || before.value !== cell.value || before.count !== cell.count) changed.push(cell);
  }
  for (const h3 of previous.keys()) if (!next.has(h3)) removed.push(h3);
  return { changed, removed };
}
