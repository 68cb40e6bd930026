import { describe, expect, it } from 'vitest';
import { cellAtLatLng } from './cell';
import { cellCentre } from './cell-centre';

describe('cellCentre', () => {
  it('lies within a cell edge of a point the cell contains, as lat and lng (not swapped)', () => {
    const point = { lat: 39.9042, lng: 116.4074 };
    const centre = cellCentre(cellAtLatLng(point, 9));
    // A res-9 cell's edge is about 0.2 km, under 0.003 degrees.
    expect(Math.abs(centre.lat - point.lat)).toBeLessThan(0.003);
    expect(Math.abs(centre.lng - point.lng)).toBeLessThan(0.003);
    expect(cellAtLatLng(centre, 9)).toBe(cellAtLatLng(point, 9));
  });
});
