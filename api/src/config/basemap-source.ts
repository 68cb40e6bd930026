import { existsSync, statSync } from 'node:fs';

/** Where the street basemap comes from (`BASEMAP`); none: the offline dark map with area outlines. */
export type BasemapSource =
  | { kind: 'pmtiles-url'; url: string }
  | { kind: 'style-url'; url: string }
  | { kind: 'pmtiles-file'; path: string }
  | { kind: 'tile-dir'; path: string }
  | { kind: 'mbtiles-file'; path: string };

export class BasemapConfigError extends Error {}

/**
 * Reads `BASEMAP`: an `http(s)://…pmtiles` archive (read by the page with
 * range requests), any other `http(s)` URL (a MapLibre style), a local
 * `.pmtiles` file (served by the api with range requests), or a directory of
 * `z/x/y.pbf` vector tiles (what `tilemaker --output <dir>` writes; served as
 * `/tiles/{z}/{x}/{y}`), or a local `.mbtiles` file of vector tiles (SQLite,
 * what `tilemaker --output city.mbtiles` writes; served the same way). A
 * missing file is refused at boot.
 * @example readBasemap('/srv/manhattan.pmtiles') // { kind: 'pmtiles-file', path: '/srv/manhattan.pmtiles' }
 */
export function readBasemap(value: string | undefined, resolvePath: (path: string) => string): BasemapSource | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^https?:\/\//i.test(text)) return /\.pmtiles(\?|$)/i.test(text) ? { kind: 'pmtiles-url', url: text } : { kind: 'style-url', url: text };
  const path = resolvePath(text);
  if (!existsSync(path)) throw new BasemapConfigError(`BASEMAP="${text}": no such file or directory`);
  if (statSync(path).isDirectory()) return { kind: 'tile-dir', path };
  if (/\.pmtiles$/i.test(path)) return { kind: 'pmtiles-file', path };
  if (/\.mbtiles$/i.test(path)) return { kind: 'mbtiles-file', path };
  throw new BasemapConfigError(`BASEMAP="${text}" must be a .pmtiles or .mbtiles file, a directory of z/x/y.pbf tiles, or an http(s) URL`);
}
