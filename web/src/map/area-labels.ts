import type { BoundaryCollection } from '../api/api-types';

/** An area's name and where to write it. */
export interface AreaLabel {
  name: string;
  level: string;
  position: [lng: number, lat: number];
}

type Ring = ReadonlyArray<readonly [number, number]>;

/** Signed area and centroid of a ring (shoelace formula, planar in degrees: fine for a label's place). */
function ringCentroid(ring: Ring): { area: number; lng: number; lat: number } {
  let area = 0;
  let lng = 0;
  let lat = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [x0, y0] = ring[j]!;
    const [x1, y1] = ring[i]!;
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    lng += (x0 + x1) * cross;
    lat += (y0 + y1) * cross;
  }
  if (area === 0) return { area: 0, lng: ring[0]?.[0] ?? 0, lat: ring[0]?.[1] ?? 0 };
  return { area: Math.abs(area / 2), lng: lng / (3 * area), lat: lat / (3 * area) };
}

/**
 * One label per area, at the centroid of its largest outer ring (a
 * MultiPolygon's islands do not pull the name into the sea).
 * @example areaLabels(districts)[0] // { name: '东城区', level: 'district', position: [116.41, 39.93] }
 */
export function areaLabels(boundaries: BoundaryCollection | undefined): AreaLabel[] {
  if (!boundaries) return [];
  return boundaries.features.flatMap((feature) => {
    const polygons = (feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates) as Ring[][];
    const best = polygons.map((polygon) => ringCentroid(polygon[0] ?? [])).sort((a, b) => b.area - a.area)[0];
    return best && feature.properties.name ? [{ name: feature.properties.name, level: feature.properties.level, position: [best.lng, best.lat] as [number, number] }] : [];
  });
}
