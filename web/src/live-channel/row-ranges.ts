/** Rows `[startRow, endRow)` of a layer's data that changed, as deck.gl's `_dataDiff` reports them. */
export interface RowRange {
  startRow: number;
  endRow: number;
}

/**
 * Sorted, merged ranges covering the given row indexes (adjacent rows join).
 * @example rowRanges([5, 1, 2, 9]) // [{ startRow: 1, endRow: 3 }, { startRow: 5, endRow: 6 }, { startRow: 9, endRow: 10 }]
 */
export function rowRanges(rows: Iterable<number>): RowRange[] {
  const sorted = [...rows].sort((a, b) => a - b);
  const ranges: RowRange[] = [];
  for (const row of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && row <= last.endRow) last.endRow = Math.max(last.endRow, row + 1);
    else ranges.push({ startRow: row, endRow: row + 1 });
  }
  return ranges;
}
