import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { AreaLevel } from '@citytwin/shared';
import type { AdminAreaNames } from '@citytwin/store';
import type { BoundaryFeature } from './boundary-file';

/** Finds the district, street and community of a point. */
export interface AdminAreaLocator {
  locate(lat: number, lng: number): AdminAreaNames;
  /** Areas (distinct names) per level, for health and logs: NYC's 104 borough polygons are 5 boroughs. */
  counts: Record<AreaLevel, number>;
}

interface IndexedFeature {
  feature: BoundaryFeature;
  bbox: [number, number, number, number];
}

/** `[west, south, east, north]` of a GeoJSON coordinates array of any depth. */
export function bboxOf(coordinates: unknown): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (node: unknown): void => {
    if (!Array.isArray(node)) return;
    if (typeof node[0] === 'number' && typeof node[1] === 'number') {
      box[0] = Math.min(box[0], node[0]); box[1] = Math.min(box[1], node[1]);
      box[2] = Math.max(box[2], node[0]); box[3] = Math.max(box[3], node[1]);
      return;
    }
    node.forEach(walk);
  };
  walk(coordinates);
  return box;
}

function namesIn(list: readonly IndexedFeature[]): number {
  return new Set(list.map(({ feature }) => feature.properties.name)).size;
}

/**
 * A point-in-polygon locator over boundary features (WGS84), one pass per
 * level with a bounding-box check first (195 NYC NTAs: a few µs per point).
 */
export function createAdminAreaLocator(features: readonly BoundaryFeature[]): AdminAreaLocator {
  const levels = { district: [] as IndexedFeature[], street: [] as IndexedFeature[], community: [] as IndexedFeature[] };
  for (const feature of features) levels[feature.properties.level].push({ feature, bbox: bboxOf(feature.geometry.coordinates) });
  const find = (list: readonly IndexedFeature[], lat: number, lng: number): string | null => {
    for (const { feature, bbox } of list) {
      if (lng < bbox[0] || lat < bbox[1] || lng > bbox[2] || lat > bbox[3]) continue;
      if (booleanPointInPolygon([lng, lat], feature as never)) return feature.properties.name;
    }
    return null;
  };
  return {
    locate: (lat, lng) => ({ district: find(levels.district, lat, lng), street: find(levels.street, lat, lng), community: find(levels.community, lat, lng) }),
    counts: { district: namesIn(levels.district), street: namesIn(levels.street), community: namesIn(levels.community) },
  };
}
