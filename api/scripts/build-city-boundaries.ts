import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import simplify from '@turf/simplify';

// Makes the boundary files shipped in api/cities/ from their originals in the team data folder:
//   pnpm --filter @citytwin/api build:boundaries --from ../shared/data [--to <folder>] [--tolerance <deg>]
// Beijing's districts are copied byte for byte. NYC's NTAs and boroughs go through Douglas-Peucker
// (@turf/simplify, highQuality) at NYC_TOLERANCE_DEG, lose the original's measurement fields and
// are written compactly; every located NYC 311 row keeps its NTA and borough
// (test/boundaries/shipped-boundaries.test.ts checks it against the originals).

const CITIES_DIR = fileURLToPath(new URL('../cities/', import.meta.url));

/**
 * Douglas-Peucker tolerance in degrees. 0 drops only the vertices lying exactly on the line
 * between their neighbours (43% of the NTAs' 105,322), so no border moves. Any larger tolerance
 * moves shared borders, and NYC 311 geocodes onto street centrelines, which NTA borders follow:
 * of the 8,440 located rows of ../shared/data/nyc/311, 1 changes NTA at 0.000001° (0.1 m),
 * 61 at 0.00001° and 195 at 0.0001°; all 60 points that moved at 0.00001° lie within 0.5 m of a border.
 */
const NYC_TOLERANCE_DEG = 0;

/** Decimal places kept: 6 is 0.11 m; the NTA original already has 5. */
const DECIMALS = 6;

interface Feature {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates: unknown } | null;
}

interface Build {
  from: string;
  to: string;
  /** The original's feature list: a FeatureCollection, or a bare array of Features. */
  transform?: (features: Feature[]) => Feature[];
  /** Properties the shipped file keeps (the original's measurement fields are dropped). */
  keep?: readonly string[];
}

const BUILDS: readonly Build[] = [
  { from: 'beijing/boundaries/districts-echarts.geojson', to: 'beijing/districts.geojson' },
  { from: 'nyc/boundaries/nyc_nta_NYCPlanning.geojson', to: 'nyc/ntas.geojson', keep: ['NTACode', 'NTAName', 'BoroCode', 'BoroName', 'CountyFIPS'] },
  { from: 'nyc/boundaries/nyc_borough_boundaries.geojson', to: 'nyc/boroughs.geojson', keep: ['boroughCode', 'borough'] },
];

function featuresOf(json: unknown): Feature[] {
  if (Array.isArray(json)) return json as Feature[];
  return (json as { features: Feature[] }).features;
}

function round(node: unknown): unknown {
  if (typeof node === 'number') return Number(node.toFixed(DECIMALS));
  return Array.isArray(node) ? node.map(round) : node;
}

/** Simplifies, rounds and trims the properties of each feature. */
function simplifyFeatures(features: readonly Feature[], keep: readonly string[], toleranceDeg: number): Feature[] {
  return features.map((feature) => {
    const simplified = simplify(feature as never, { tolerance: toleranceDeg, highQuality: true, mutate: false }) as unknown as Feature;
    const properties = Object.fromEntries(keep.filter((key) => feature.properties?.[key] !== undefined).map((key) => [key, feature.properties![key]]));
    return { type: 'Feature', properties, geometry: { type: simplified.geometry!.type, coordinates: round(simplified.geometry!.coordinates) } };
  });
}

/** One feature a line: small diffs when a source is updated. */
function featureCollectionText(features: readonly Feature[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((feature) => JSON.stringify(feature)).join(',\n')}\n]}\n`;
}

async function build(dataDir: string, outDir: string, item: Build, toleranceDeg: number): Promise<string> {
  const source = resolve(dataDir, item.from);
  const target = resolve(outDir, item.to);
  await mkdir(dirname(target), { recursive: true });
  if (!item.keep) await writeFile(target, await readFile(source));
  else await writeFile(target, featureCollectionText(simplifyFeatures(featuresOf(JSON.parse(await readFile(source, 'utf8'))), item.keep, toleranceDeg)));
  const [before, after] = await Promise.all([stat(source), stat(target)]);
  return `${item.to}: ${before.size} -> ${after.size} bytes${item.keep ? ` (tolerance ${toleranceDeg}°)` : ' (copied)'}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, tolerance: { type: 'string' } } });
  if (!values.from) throw new Error('--from <folder> is required: the data folder holding beijing/boundaries/ and nyc/boundaries/ (../shared/data beside the repository)');
  const userPath = (path: string) => (isAbsolute(path) ? path : resolve(process.env['INIT_CWD'] ?? process.cwd(), path));
  const dataDir = userPath(values.from);
  const outDir = values.to ? userPath(values.to) : CITIES_DIR;
  const toleranceDeg = values.tolerance === undefined ? NYC_TOLERANCE_DEG : Number(values.tolerance);
  if (!(toleranceDeg >= 0)) throw new Error(`--tolerance "${values.tolerance}" is not a number of degrees >= 0`);
  for (const item of BUILDS) process.stdout.write(`${await build(dataDir, outDir, item, toleranceDeg)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`build-city-boundaries: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
