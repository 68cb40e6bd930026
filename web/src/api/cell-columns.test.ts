import { describe, expect, it } from 'vitest';
import type { CellsColumnarResponse, CellsResponse } from './api-types';
import { cellsOf, columnsOf, sameColumns } from './cell-columns';

const HEADER = { layer: 'physical', res: 8, from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' } as const;
const OBJECTS: CellsResponse = { ...HEADER, cells: [{ h3: '88283082a3fffff', value: 52.5, count: 3 }, { h3: '88283082a7fffff', value: 61, count: 1 }] };
const COLUMNAR: CellsColumnarResponse = { ...HEADER, format: 'columnar', length: 2, h3: ['88283082a3fffff', '88283082a7fffff'], value: [52.5, 61], count: [3, 1] };

describe('cell columns', () => {
  it('reads both answer forms into the same columns', () => {
    const fromColumnar = columnsOf(COLUMNAR);
    expect(fromColumnar.length).toBe(2);
    expect([...fromColumnar.value]).toEqual([52.5, 61]);
    expect(sameColumns(fromColumnar, columnsOf(OBJECTS))).toBe(true);
  });

  it('turns columns back into one object per cell', () => {
    expect(cellsOf(columnsOf(COLUMNAR))).toEqual(OBJECTS.cells);
  });

  it('tells a changed value, cell or length apart', () => {
    const base = columnsOf(COLUMNAR);
    expect(sameColumns(base, columnsOf({ ...COLUMNAR, value: [52.5, 61.5] }))).toBe(false);
    expect(sameColumns(base, columnsOf({ ...COLUMNAR, h3: ['88283082a3fffff', '88283082abfffff'] }))).toBe(false);
    expect(sameColumns(base, columnsOf({ ...COLUMNAR, length: 1, h3: ['88283082a3fffff'], value: [52.5], count: [3] }))).toBe(false);
  });
});
