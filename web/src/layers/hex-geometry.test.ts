import { describe, expect, it } from 'vitest';
import { cellToBoundary, cellToLatLng, greatCircleDistance, latLngToCell } from 'h3-js';
import { columnsOf } from '../api/cell-columns';
import { hexCentroids, hexVertices } from './hex-geometry';

const CELL = latLngToCell(39.9042, 116.4074, 9);

describe('hex geometry', () => {
  it('puts each cell centre at [lng, lat] in order', () => {
    const other = latLngToCell(39.95, 116.3, 9);
    const columns = columnsOf({ layer: 'physical', res: 9, from: '', to: '', format: 'columnar', length: 2, h3: [CELL, other], value: [1, 2], count: [1, 1] });
    const positions = hexCentroids(columns);
    const [lat, lng] = cellToLatLng(other);
    expect(positions.length).toBe(4);
    expect(positions[2]).toBeCloseTo(lng, 4);
    expect(positions[3]).toBeCloseTo(lat, 4);
  });

  it('puts the six corners of a cell at their great-circle distance from the centre, in metres', () => {
    const vertices = hexVertices(CELL);
    const centre = cellToLatLng(CELL);
    const corners = cellToBoundary(CELL);
    expect(vertices).toHaveLength(6);
    vertices.forEach(([east, north], index) => {
      const metres = greatCircleDistance(centre, corners[index]!, 'm');
      expect(Math.abs(Math.hypot(east, north) - metres) / metres).toBeLessThan(0.005);
    });
    // East and north offsets point the way the corner lies.
    const [lat, lng] = corners[0]!;
    expect(Math.sign(vertices[0]![0])).toBe(Math.sign(lng - centre[1]));
    expect(Math.sign(vertices[0]![1])).toBe(Math.sign(lat - centre[0]));
  });
});
