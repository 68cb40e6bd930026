import { AREA_LEVELS, type AreaLevel, type BBox } from '@citytwin/shared';
import type { BoundarySource } from '../config/boundary-sources';
import { bboxOf, createAdminAreaLocator, type AdminAreaLocator } from './admin-area-locator';
import { BoundaryFileError, describeSource, loadBoundaryFile, type BoundaryFeature } from './boundary-file';

/** The areas of the running city: their outlines, the locator over them and what to credit. */
export interface CityAreas {
  /** GeoJSON FeatureCollection in WGS84, as `GET /api/city/boundaries` serves it. */
  boundaries: { type: 'FeatureCollection'; features: BoundaryFeature[] };
  locator: AdminAreaLocator;
  /** Areas (distinct names) per level. */
  counts: Record<AreaLevel, number>;
  /** Credits of the loaded files, each once, for the map's attribution control. */
  attribution: string[];
  /** Where each level's polygons came from, for the start-up log. */
  origins: Record<AreaLevel, string[]>;
}

/**
 * Builds the city's areas from a list of features, whatever their source
 * (boundary files today; polygons kept in the store can be appended the same way).
 */
export function cityAreasOf(features: readonly BoundaryFeature[], attribution: readonly string[], origins: Record<AreaLevel, string[]>): CityAreas {
  const locator = createAdminAreaLocator(features);
  return { boundaries: { type: 'FeatureCollection', features: [...features] }, locator, counts: locator.counts, attribution: [...new Set(attribution)], origins };
}

function overlaps(a: readonly number[], b: BBox): boolean {
  return a[0]! <= b[2] && a[2]! >= b[0] && a[1]! <= b[3] && a[3]! >= b[1];
}

/** Whether any polygon touches the city's bounds (not so with feet or metres instead of degrees, or lat/lng swapped). */
export function touchesCity(features: readonly BoundaryFeature[], cityBounds: BBox): boolean {
  return features.some((feature) => overlaps(bboxOf(feature.geometry.coordinates), cityBounds));
}

/** Loads one file and refuses it when none of its polygons touches the city. */
async function loadForCity(source: BoundarySource, cityBounds: BBox) {
  const file = await loadBoundaryFile(source);
  if (!touchesCity(file.features, cityBounds)) {
    throw new BoundaryFileError(`${describeSource(source)}: none of its ${file.features.length} polygons lies within the city's bounds [${cityBounds.join(', ')}] (coordinates must be longitude, latitude in degrees, datum ${source.datum})`);
  }
  return file;
}

async function loadFiles(sources: readonly BoundarySource[], cityBounds: BBox): Promise<CityAreas> {
  const loaded = await Promise.all(sources.map((source) => loadForCity(source, cityBounds)));
  const origins = Object.fromEntries(AREA_LEVELS.map((level) => [level, sources.filter((source) => source.level === level).map(describeSource)]));
  return cityAreasOf(loaded.flatMap((file) => file.features), loaded.flatMap((file) => (file.attribution ? [file.attribution] : [])), origins as Record<AreaLevel, string[]>);
}

const LOADED = new Map<string, Promise<CityAreas>>();

/**
 * Loads the areas of these boundary files, once per process for the same list
 * (tests build many apps over the same files).
 *
 * @throws BoundaryFileError naming the file that cannot serve.
 */
export function loadCityAreas(sources: readonly BoundarySource[], cityBounds: BBox): Promise<CityAreas> {
  const key = JSON.stringify([sources, cityBounds]);
  let areas = LOADED.get(key);
  if (!areas) {
    areas = loadFiles(sources, cityBounds);
    LOADED.set(key, areas);
    // A failed load is not remembered: a fixed file loads on the next try.
    areas.catch(() => LOADED.delete(key));
  }
  return areas;
}
