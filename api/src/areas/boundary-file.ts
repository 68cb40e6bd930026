import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import gcoord from 'gcoord';
import type { AreaLevel } from '@citytwin/shared';
import type { BoundarySource } from '../config/boundary-sources';
import { REPO_ROOT } from '../config/config';

/** A boundary polygon with its area name and level, in WGS84. */
export interface BoundaryFeature {
  type: 'Feature';
  properties: { name: string; level: AreaLevel };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

/** A boundary file's polygons and the credit it asks for. */
export interface LoadedBoundaryFile {
  features: BoundaryFeature[];
  attribution: string | undefined;
}

/** A boundary file that cannot serve: unreadable, not GeoJSON, no named polygons. The message names the file and its setting. */
export class BoundaryFileError extends Error {}

interface RawFeature {
  properties?: Record<string, unknown> | null;
  geometry?: { type?: string; coordinates?: unknown } | null;
}

/** Names a source in messages: `shipped boundary file api/cities/nyc/ntas.geojson`, `CITY_BOUNDARIES file /srv/jiedao.geojson`. */
export function describeSource(source: BoundarySource): string {
  return source.origin === 'shipped' ? `shipped boundary file ${relative(REPO_ROOT, source.path)}` : `CITY_BOUNDARIES file ${source.path}`;
}

async function readJson(source: BoundarySource): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(source.path, 'utf8');
  } catch (error) {
    throw new BoundaryFileError(`${describeSource(source)}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8 quotes the start of the text, newlines included: keep the message on one line.
    throw new BoundaryFileError(`${describeSource(source)}: not JSON (${(error as Error).message.replace(/\s+/g, ' ')})`);
  }
}

/** Features of a FeatureCollection, or of a bare array of Features (as some city portals publish). */
function featuresOf(json: unknown): RawFeature[] | undefined {
  if (Array.isArray(json)) return json as RawFeature[];
  const features = (json as { features?: unknown } | null)?.features;
  return Array.isArray(features) ? (features as RawFeature[]) : undefined;
}

/** What the polygons of a GeoJSON document are: their level, the property naming them and their datum. */
export type BoundaryReading = Pick<BoundarySource, 'level' | 'nameProperty' | 'datum'>;

/**
 * The named polygons of a GeoJSON document (a FeatureCollection or a bare
 * array of Features), named from `reading.nameProperty` and converted from
 * GCJ-02 (used by Chinese map providers) to WGS84; `label` names the document in errors.
 *
 * @throws BoundaryFileError when it holds no polygon with that name property.
 */
export function parseBoundaryJson(json: unknown, reading: BoundaryReading, label: string): BoundaryFeature[] {
  const raws = featuresOf(json);
  if (!raws) throw new BoundaryFileError(`${label}: not a GeoJSON FeatureCollection (nor an array of Features)`);
  const features: BoundaryFeature[] = [];
  const seen = new Set<string>();
  for (const raw of raws) {
    const type = raw?.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') continue;
    Object.keys(raw.properties ?? {}).forEach((key) => seen.add(key));
    const name = raw.properties?.[reading.nameProperty];
    if (name === undefined || name === null || String(name).trim() === '') continue;
    let geometry: BoundaryFeature['geometry'] = { type, coordinates: raw.geometry?.coordinates };
    if (reading.datum === 'gcj02') geometry = gcoord.transform(geometry as never, gcoord.GCJ02, gcoord.WGS84) as unknown as BoundaryFeature['geometry'];
    features.push({ type: 'Feature', properties: { name: String(name).trim(), level: reading.level }, geometry });
  }
  if (features.length === 0) {
    const why = seen.size === 0 ? 'no Polygon or MultiPolygon features' : `no polygon has a "${reading.nameProperty}" property (its polygons have: ${[...seen].slice(0, 12).join(', ')})`;
    throw new BoundaryFileError(`${label}: ${why}`);
  }
  return features;
}

/** The credit a GeoJSON document asks for in its top-level `attribution` member. */
export function attributionOfJson(json: unknown): string | undefined {
  const own = (json as { attribution?: unknown } | null)?.attribution;
  return typeof own === 'string' && own.trim() !== '' ? own.trim() : undefined;
}

/**
 * Loads one boundary file (see {@link parseBoundaryJson}).
 *
 * @throws BoundaryFileError when the file holds no polygon with that name property.
 */
export async function loadBoundaryFile(source: BoundarySource): Promise<LoadedBoundaryFile> {
  const json = await readJson(source);
  return { features: parseBoundaryJson(json, source, describeSource(source)), attribution: source.attribution ?? attributionOfJson(json) };
}
