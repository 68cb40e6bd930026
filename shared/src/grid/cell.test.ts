import { describe, expect, it } from 'vitest';
import { cellToLatLng } from 'h3-js';
import { bigIntToCell, cellAtLatLng, cellResolution, cellToBigInt, isCell, parentCell } from './cell';

const tiananmen = { lat: 39.9055, lng: 116.3976 };

describe('cell grid', () => {
  it('puts a point into a base-resolution cell whose centre is within ~200 m', () => {
    const cell = cellAtLatLng(tiananmen);
    expect(cellResolution(cell)).toBe(9);
    const [lat, lng] = cellToLatLng(cell);
    expect(Math.abs(lat - tiananmen.lat)).toBeLessThan(0.002);
    expect(Math.abs(lng - tiananmen.lng)).toBeLessThan(0.002);
  });

  it('derives coarser parents that contain the child', () => {
    const cell = cellAtLatLng(tiananmen);
    for (const res of [5, 6, 7, 8]) {
      const parent = parentCell(cell, res);
      expect(cellResolution(parent)).toBe(res);
      expect(cellAtLatLng(tiananmen, res)).toBe(parent);
    }
  });

  it('round-trips the 64-bit integer form', () => {
    const cell = cellAtLatLng(tiananmen);
    const asInt = cellToBigInt(cell);
    expect(asInt > 0n).toBe(true);
    expect(bigIntToCell(asInt)).toBe(cell);
    expect(bigIntToCell(asInt.toString())).toBe(cell);
  });

  it('rejects strings that are not cells', () => {
    expect(isCell('not-a-cell')).toBe(false);
    expect(isCell('8931aa42')).toBe(false);
    expect(isCell(cellAtLatLng(tiananmen))).toBe(true);
  });
});
