import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import gcoord from 'gcoord';
import type { BoundaryFile, CityProfile } from '@citytwin/shared';

/** A boundary polygon with its area name and level, in WGS84. */
export interface BoundaryFeature {
  type: 'Feature';
  properties: { name: string; level: BoundaryFile['level'] };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

interface RawFeature {
  properties?: Record<string, unknown> | null;
  geometry?: { type?: string; coordinates?: unknown } | null;
}

function featuresOf(json: unknown): RawFeature[] {
  if (Array.isArray(json)) return json as RawFeature[];
  const features = (json as { features?: unknown }).features;
  return Array.isArray(features) ? (features as RawFeature[]) : [];
}

/**
 * Loads one boundary file, keeps its polygons, names them from
 * `file.nameProperty` and converts GCJ-02 (used by Chinese map providers) to WGS84.
 */
export async function loadBoundaryFile(dataDir: string, file: BoundaryFile): Promise<BoundaryFeature[]> {
  const json: unknown = JSON.parse(await readFile(join(dataDir, file.path), 'utf8'));
  const features: BoundaryFeature[] = [];
  for (const raw of featuresOf(json)) {
    const type = raw.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') continue;
    const name = String(raw.properties?.[file.nameProperty] ?? 'unnamed');
    let geometry: BoundaryFeature['geometry'] = { type, coordinates: raw.geometry?.coordinates };
    if (file.datum === 'gcj02') geometry = gcoord.transform(geometry as never, gcoord.GCJ02, gcoord.WGS84) as unknown as BoundaryFeature['geometry'];
    features.push({ type: 'Feature', properties: { name, level: file.level }, geometry });
  }
  return features;
}

/** All boundary files of a city; a missing file is reported, not fatal. */
export async function loadCityBoundaries(
  dataDir: string,
  city: CityProfile,
  onMissing: (path: string, error: unknown) => void,
): Promise<BoundaryCollection> {
  const features: BoundaryFeature[] = [];
  for (const file of city.boundaries) {
    try {
      features.push(...(await loadBoundaryFile(dataDir, file)));
    } catch (error) {
      onMissing(join(dataDir, file.path), error);
    }
  }
  return { type: 'FeatureCollection', features };
}
