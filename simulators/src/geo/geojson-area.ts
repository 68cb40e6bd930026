import gcoord from 'gcoord';
import type { Datum } from '@citytwin/shared';
import { polygonArea, type Area, type Ring } from './area';

type Position = readonly [number, number];
interface Geometry { type: string; coordinates?: unknown }

function outerRings(geometry: Geometry): Ring[] {
  if (geometry.type === 'Polygon') return [(geometry.coordinates as Position[][])[0]!];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Position[][][]).map((polygon) => polygon[0]!);
  return [];
}

/**
 * The area covered by the polygons of a GeoJSON object: a FeatureCollection, a
 * Feature, a bare geometry, or a bare array of Features (NYC's borough file).
 * GCJ-02 files (China's AMap/DataV datum, offset by a few hundred metres) are
 * converted to WGS84 first, so simulated sensors land where GPS would put them.
 */
export function areaFromGeoJson(document: unknown, datum: Datum = 'wgs84'): Area {
  const features: unknown[] = Array.isArray(document) ? document : (document as { type?: string }).type === 'FeatureCollection' ? (document as { features: unknown[] }).features : [document];
  const rings = features.flatMap((item) => {
    const geometry = (item as { geometry?: Geometry }).geometry ?? (item as Geometry);
    return geometry && typeof geometry.type === 'string' ? outerRings(geometry) : [];
  });
  if (rings.length === 0) throw new RangeError('the GeoJSON holds no Polygon or MultiPolygon');
  if (datum === 'wgs84') return polygonArea(rings);
  return polygonArea(rings.map((ring) => ring.map((position) => gcoord.transform([position[0], position[1]], gcoord.GCJ02, gcoord.WGS84) as [number, number])));
}
