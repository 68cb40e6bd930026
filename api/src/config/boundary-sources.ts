import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AREA_LEVELS, type AreaLevel, type CityProfile, type Datum } from '@citytwin/shared';

/** The boundary files shipped with the product, per city (see api/docs/areas.md). */
export const CITIES_DIR = fileURLToPath(new URL('../../cities/', import.meta.url));

/** One boundary file to load: shipped with the city profile, or the operator's own. */
export interface BoundarySource {
  /** Absolute path. */
  path: string;
  level: AreaLevel;
  nameProperty: string;
  datum: Datum;
  /** Credit for the map; operator files may carry theirs as a top-level `attribution` member. */
  attribution: string | undefined;
  /** Where the file was configured, for messages: `shipped` or `CITY_BOUNDARIES`. */
  origin: 'shipped' | 'CITY_BOUNDARIES';
}

/** A bad `CITY_BOUNDARIES` entry; the message says which and why. */
export class BoundarySpecError extends Error {}

/** What `CITY_BOUNDARIES=<file>` alone means: 街道 / NTA polygons named by `name`, in WGS84. */
export const OPERATOR_FILE_DEFAULTS = { level: 'street', nameProperty: 'name', datum: 'wgs84' } as const;

function checkReadable(path: string, entry: string): void {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new BoundarySpecError(`"${entry}": ${path} is not a file`);
    size = stats.size;
    accessSync(path, constants.R_OK);
  } catch (error) {
    if (error instanceof BoundarySpecError) throw error;
    throw new BoundarySpecError(`"${entry}": cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (size === 0) throw new BoundarySpecError(`"${entry}": ${path} is empty`);
}

function parseEntry(entry: string, baseDir: string): BoundarySource {
  const [file = '', level = OPERATOR_FILE_DEFAULTS.level, nameProperty = OPERATOR_FILE_DEFAULTS.nameProperty, datum = OPERATOR_FILE_DEFAULTS.datum, ...rest] = entry.split(':');
  if (file === '') throw new BoundarySpecError(`"${entry}": no file name before the first ":"`);
  if (rest.length > 0) throw new BoundarySpecError(`"${entry}": expected <file>[:level[:nameProperty[:datum]]]`);
  if (!(AREA_LEVELS as readonly string[]).includes(level)) throw new BoundarySpecError(`"${entry}": level "${level}" is not one of ${AREA_LEVELS.join(', ')}`);
  if (datum !== 'wgs84' && datum !== 'gcj02') throw new BoundarySpecError(`"${entry}": datum "${datum}" is not wgs84 or gcj02`);
  if (nameProperty === '') throw new BoundarySpecError(`"${entry}": the name property is empty`);
  const path = isAbsolute(file) ? file : resolve(baseDir, file);
  checkReadable(path, entry);
  return { path, level: level as AreaLevel, nameProperty, datum, attribution: undefined, origin: 'CITY_BOUNDARIES' };
}

/**
 * Parses `CITY_BOUNDARIES=<file>[:level[:nameProperty[:datum]]],...` (relative
 * files against `baseDir`) and checks each file can be read.
 *
 * @example parseCityBoundaries('/srv/jiedao.geojson:street:name:gcj02', '/app')
 * @throws BoundarySpecError naming the bad entry.
 */
export function parseCityBoundaries(text: string | undefined, baseDir: string): BoundarySource[] {
  if (text === undefined || text.trim() === '') return [];
  return text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '').map((entry) => parseEntry(entry, baseDir));
}

/**
 * The files a city's areas come from: the operator's, plus the shipped files
 * of every level the operator gives none for (an operator file of a level
 * replaces the shipped one, so two outlines of one district never compete).
 */
export function boundarySources(city: CityProfile, operatorFiles: readonly BoundarySource[], citiesDir = CITIES_DIR): BoundarySource[] {
  const replaced = new Set(operatorFiles.map((file) => file.level));
  const shipped = city.boundaries
    .filter((file) => !replaced.has(file.level))
    .map((file): BoundarySource => ({ ...file, path: resolve(citiesDir, file.path), origin: 'shipped' }));
  return [...shipped, ...operatorFiles];
}
