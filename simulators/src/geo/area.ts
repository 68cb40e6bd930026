import { POLYGON_TO_CELLS_FLAGS, polygonToCellsExperimental } from 'h3-js';
import type { BBox, H3Cell } from '@citytwin/shared';

/** A ring of `[lng, lat]` positions, GeoJSON order; first and last may repeat. */
export type Ring = ReadonlyArray<readonly [lng: number, lat: number]>;

/** A region of the map: polygons (outer rings, holes ignored) with their bbox. */
export interface Area {
  bbox: BBox;
  /** Outer rings; a point inside any of them is inside the area. */
  rings: readonly Ring[];
  contains(lng: number, lat: number): boolean;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Ray-casting point-in-ring test (W. R. Franklin's PNPOLY). */
export function isInsideRing(ring: Ring, lng: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function bboxOfRings(rings: readonly Ring[]): BBox {
  const lngs = rings.flatMap((ring) => ring.map((position) => position[0]));
  const lats = rings.flatMap((ring) => ring.map((position) => position[1]));
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

/** An area made of polygon outer rings. */
export function polygonArea(rings: readonly Ring[]): Area {
  if (rings.length === 0 || rings.some((ring) => ring.length < 3)) throw new RangeError('a polygon needs rings of at least 3 positions');
  return { bbox: bboxOfRings(rings), rings, contains: (lng, lat) => rings.some((ring) => isInsideRing(ring, lng, lat)) };
}

/** The rectangle `[west, south, east, north]` as an area. */
export function bboxArea(bbox: BBox): Area {
  const [west, south, east, north] = bbox;
  return polygonArea([[[west, south], [east, south], [east, north], [west, north], [west, south]]]);
}

/**
 * A disc of `radiusM` metres around `centre`, as a 48-gon (equirectangular
 * approximation, well under 1% error for radii of a few km).
 */
export function circleArea(centre: readonly [lng: number, lat: number], radiusM: number): Area {
  const [lng, lat] = centre;
  const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLng = dLat / Math.cos((lat * Math.PI) / 180);
  const ring = Array.from({ length: 49 }, (_, i) => {
    const angle = ((i % 48) / 48) * 2 * Math.PI;
    return [lng + dLng * Math.cos(angle), lat + dLat * Math.sin(angle)] as const;
  });
  const area = polygonArea([ring]);
  return { ...area, contains: (x, y) => distanceM([x, y], centre) <= radiusM };
}

/** Great-circle distance in metres (haversine). */
export function distanceM(a: readonly [number, number], b: readonly [number, number]): number {
  const toRad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * toRad;
  const dLng = (b[0] - a[0]) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

/** Every H3 cell at `res` that overlaps the area, sorted (h3-js overlapping containment). */
export function cellsOfArea(area: Area, res: number): H3Cell[] {
  const cells = new Set<H3Cell>();
  for (const ring of area.rings) {
    for (const cell of polygonToCellsExperimental(ring.map(([lng, lat]) => [lng, lat]), res, POLYGON_TO_CELLS_FLAGS.containmentOverlapping, true)) cells.add(cell);
  }
  return [...cells].sort();
}
