import { describe, expect, it } from 'vitest';
import type { CellValue } from '@citytwin/shared';
import { diffCells } from './cell-diff';

const map = (...cells: CellValue[]) => new Map(cells.map((cell) => [cell.h3, cell]));

describe('diffCells', () => {
  it('reports new cells, moved values or counts, and cells that left, and nothing that stayed the same', () => {
    const before = map({ h3: 'a', value: 1, count: 1 }, { h3: 'b', value: 2, count: 2 }, { h3: 'c', value: 3, count: 3 }, { h3: 'd', value: 4, count: 4 });
    const after = map({ h3: 'a', value: 1, count: 1 }, { h3: 'b', value: 2.5, count: 2 }, { h3: 'c', value: 3, count: 4 }, { h3: 'e', value: 5, count: 5 });
    expect(diffCells(before, after)).toEqual({
      changed: [{ h3: 'b', value: 2.5, count: 2 }, { h3: 'c', value: 3, count: 4 }, { h3: 'e', value: 5, count: 5 }],
      removed: ['d'],
    });
  });

  it('finds no change between equal layers', () => {
    const cells = map({ h3: 'a', value: 1, count: 1 });
    expect(diffCells(cells, map({ h3: 'a', value: 1, count: 1 }))).toEqual({ changed: [], removed: [] });
  });
});
