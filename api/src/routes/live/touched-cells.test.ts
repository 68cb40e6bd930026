import { describe, expect, it } from 'vitest';
import { cellAtLatLng, parentCell } from '@citytwin/shared';
import { MAX_TOUCHED_CELLS, TouchedCells } from './touched-cells';

const A9 = cellAtLatLng({ lat: 39.9042, lng: 116.4074 }, 9);
const B9 = cellAtLatLng({ lat: 39.95, lng: 116.3 }, 9);

describe('TouchedCells', () => {
  it('keeps cells at most as fine as the feed, each once, and forgets them when taken', () => {
    const touched = new TouchedCells(8);
    touched.add([A9, A9, B9]);
    touched.add([parentCell(A9, 6)]);
    expect(new Set(touched.take())).toEqual(new Set([parentCell(A9, 8), parentCell(B9, 8), parentCell(A9, 6)]));
    expect(touched.take()).toEqual([]);
  });

  it('says "everything" once an announcement did not name its cells, or too many were named', () => {
    const touched = new TouchedCells(9);
    touched.add([A9]);
    touched.addAll();
    touched.add([B9]);
    expect(touched.take()).toBeUndefined();
    expect(touched.take()).toEqual([]);
    const many = Array.from({ length: MAX_TOUCHED_CELLS + 1 }, (_, i) => cellAtLatLng({ lat: 39 + Math.floor(i / 100) * 0.01, lng: 116 + (i % 100) * 0.01 }, 9));
    touched.add(many);
    expect(touched.take()).toBeUndefined();
  });

  it('matches a feed cell inside a touched cell of any coarser resolution, and no other', () => {
    const inside = TouchedCells.matcher([parentCell(A9, 9), parentCell(B9, 5)], 9);
    expect(inside(A9)).toBe(true);
    expect(inside(B9)).toBe(true);
    expect(inside(cellAtLatLng({ lat: 31.2, lng: 121.5 }, 9))).toBe(false);
  });
});
