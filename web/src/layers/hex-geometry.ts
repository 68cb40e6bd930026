import { cellToBoundary, cellToLatLng } from 'h3-js';
import type { CellColumns } from '../api/cell-columns';

/** Metres per degree of latitude on deck.gl's sphere (radius 6,370,972 m). */
const METRES_PER_DEGREE = (2 * Math.PI * 6_370_972) / 360;

/**
 * Centres of the cells as `[lng, lat]` pairs, one after the other (deck.gl's
 * binary `getPosition` attribute, size 2). Computed once per data change.
 * @example hexCentroids(columns).subarray(0, 2) // Float32Array [lng, lat] of columns.h3[0]
 */
export function hexCentroids(columns: CellColumns): Float32Array {
  // Single precision is 1 m at longitude 180°, well under a pixel at the zooms cells are drawn.
  const positions = new Float32Array(columns.length * 2);
  for (let index = 0; index < columns.length; index += 1) {
    const [lat, lng] = cellToLatLng(columns.h3[index]!);
    positions[index * 2] = lng;
    positions[index * 2 + 1] = lat;
  }
  return positions;
}

/**
 * The outline of one cell as offsets in metres `[east, north]` from its centre
 * (local equirectangular, exact enough for a cell of a few hundred metres):
 * the shape every cell of the layer is drawn with, as deck.gl's H3HexagonLayer
 * does without `highPrecision`. Cells of one resolution in one city differ
 * from it by well under a pixel.
 * @example hexVertices('89309b6b2dbffff').length // 6
 */
export function hexVertices(h3: string): Array<[east: number, north: number]> {
  const [lat0, lng0] = cellToLatLng(h3);
  const eastPerDegree = METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  return cellToBoundary(h3).map(([lat, lng]) => [(lng - lng0) * eastPerDegree, (lat - lat0) * METRES_PER_DEGREE]);
}
