import type { CellColumns } from '../api/cell-columns';

/** A map's visible area in degrees, `[west, south, east, north]` (MapLibre's `getBounds().toArray().flat()`). */
export type ViewBounds = readonly [west: number, south: number, east: number, north: number];

/**
 * The values (or counts) of the cells whose centre is inside `bounds`, for a
 * colour domain taken from what is on screen; every value without bounds (the
 * map has not reported its view yet). `positions` are the cells' `[lng, lat]`
 * pairs from `hexCentroids`.
 * @example valuesInView(columns.value, positions, [116.3, 39.8, 116.5, 40.0]) // Float64Array of the cells in that box
 */
export function valuesInView(values: CellColumns['value'], positions: ArrayLike<number>, bounds: ViewBounds | undefined): Float64Array {
  if (!bounds) return values;
  const [west, south, east, north] = bounds;
  const inside = new Float64Array(values.length);
  let found = 0;
  for (let index = 0; index < values.length; index += 1) {
    const lng = positions[index * 2]!;
    const lat = positions[index * 2 + 1]!;
    if (lng >= west && lng <= east && lat >= south && lat <= north) inside[found++] = values[index]!;
  }
  return inside.subarray(0, found);
}
