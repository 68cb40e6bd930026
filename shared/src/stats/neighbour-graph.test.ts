import { getBaseCellNumber, getPentagons, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellNeighbourGraph, type NeighbourGraph } from './neighbour-graph';

function neighboursOf(graph: NeighbourGraph, cells: readonly string[], row: number): string[] {
  return [...graph.index.subarray(graph.offsets[row]!, graph.offsets[row + 1]!)].map((i) => cells[i]!).sort();
}

function expectSameAsGridDisk(cells: readonly string[], rings: number): void {
  const graph = cellNeighbourGraph(cells, rings);
  const present = new Set(cells);
  cells.forEach((cell, row) => {
    expect(neighboursOf(graph, cells, row)).toEqual(gridDisk(cell, rings).filter((near) => present.has(near)).sort());
  });
}

/** A ragged patch: the disc around a point with every third cell left out. */
function raggedPatch(lat: number, lng: number, res: number, radius: number): string[] {
  return gridDisk(latLngToCell(lat, lng, res), radius).filter((_, i) => i % 3 !== 2);
}

/** A point on the edge between two base cells, found by walking east along a parallel. */
function baseCellEdge(lat: number, lngFrom: number): [lat: number, lng: number] {
  const start = getBaseCellNumber(latLngToCell(lat, lngFrom, 5));
  for (let lng = lngFrom; lng < lngFrom + 60; lng += 0.05) {
    if (getBaseCellNumber(latLngToCell(lat, lng, 5)) !== start) return [lat, lng];
  }
  throw new Error('no base cell edge found');
}

describe('cellNeighbourGraph', () => {
  it.each([
    ['Beijing, res 8, ring 1', 39.9042, 116.4074, 8, 1],
    ['Manhattan, res 9, ring 2', 40.758, -73.9855, 9, 2],
    ['Beijing, res 5, ring 3', 39.9, 116.4, 5, 3],
    ['Sydney, res 10, ring 1', -33.87, 151.21, 10, 1],
  ])('equals gridDisk inside one base cell (%s)', (_name, lat, lng, res, rings) => {
    expectSameAsGridDisk(raggedPatch(lat, lng, res, 8), rings);
  });

  it.each([
    [40, 100, 7, 2],
    [10, -20, 8, 1],
    [-45, 60, 6, 3],
  ])('equals gridDisk across a base-cell edge (near %s, %s; res %s; rings %s)', (lat, lng, res, rings) => {
    const [edgeLat, edgeLng] = baseCellEdge(lat, lng);
    const cells = raggedPatch(edgeLat, edgeLng, res, 10);
    expect(new Set(cells.map(getBaseCellNumber)).size).toBeGreaterThan(1);
    expectSameAsGridDisk(cells, rings);
  });

  it('equals gridDisk around a pentagon and marks it', () => {
    const pentagon = getPentagons(7)[5]!;
    const cells = gridDisk(pentagon, 5);
    expectSameAsGridDisk(cells, 2);
    const graph = cellNeighbourGraph(cells, 1);
    expect(cells.filter((_, row) => graph.pentagon[row] === 1)).toEqual([pentagon]);
  });

  it('includes each cell itself first-class and handles an empty list', () => {
    const cells = raggedPatch(39.9, 116.4, 8, 2);
    const graph = cellNeighbourGraph(cells, 1);
    cells.forEach((cell, row) => expect(neighboursOf(graph, cells, row)).toContain(cell));
    expect(cellNeighbourGraph([], 1).offsets).toEqual(Int32Array.of(0));
    expect(() => cellNeighbourGraph(cells, -1)).toThrow(RangeError);
  });
});
