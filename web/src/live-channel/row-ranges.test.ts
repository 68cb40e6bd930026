import { describe, expect, it } from 'vitest';
import { rowRanges } from './row-ranges';

describe('rowRanges', () => {
  it('joins adjacent rows and sorts the ranges', () => {
    expect(rowRanges([5, 1, 2, 9, 3])).toEqual([{ startRow: 1, endRow: 4 }, { startRow: 5, endRow: 6 }, { startRow: 9, endRow: 10 }]);
    expect(rowRanges([])).toEqual([]);
  });
});
