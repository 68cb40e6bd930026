import { basename } from 'node:path';
import { UsageError, readDataFile, userPath, type CliIo } from './cli-io';
import { parseFlags } from './parse-flags';

export const IMPORT_AREAS_HELP = `Usage: pnpm twin import-areas <file> --level district|street|community [options]

Loads a city's own area polygons (a GeoJSON FeatureCollection, e.g. Beijing's 街道) into the
store through POST /api/areas/import. They replace the shipped boundary file of that level,
in every running API instance at once (no restart); appeals already stored get their areas
of that level again, and the rankings by district and street use them.

Options:
  --level <l>          district, street or community (required)
  --name-property <p>  the feature property holding the area name (default name)
  --datum <d>          wgs84 or gcj02 (the datum of Chinese map providers; converted) (default wgs84)
  --no-reassign        leave the areas of appeals already stored as they are
  --api <url>          API base URL (default http://127.0.0.1:8080)
  --key <key>          a key with the admin role (or env CITYTWIN_API_KEY)

Example:
  pnpm twin import-areas /srv/citytwin/jiedao.geojson --level street --name-property name --datum gcj02
`;

const FLAGS = {
  level: { type: 'string' }, 'name-property': { type: 'string' }, datum: { type: 'string' }, 'no-reassign': { type: 'boolean' },
  api: { type: 'string' }, key: { type: 'string' },
} as const;

const LEVELS = ['district', 'street', 'community'];

interface ImportAreasAnswer {
  level: string;
  polygons: number;
  areas: number;
  appealsReassigned: number;
}

/** The import request for a file's text (its JSON is checked here, so a typo never reaches the API). */
export function areaImportRequest(text: string, name: string, options: { api: string; level: string; nameProperty: string; datum: string; reassign: boolean }): { url: string; body: string } {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${name}: not JSON (${(error as Error).message.replace(/\s+/g, ' ').slice(0, 120)})`);
  }
  const query = new URLSearchParams({ level: options.level, nameProperty: options.nameProperty, datum: options.datum, source: name, reassign: String(options.reassign) });
  return { url: `${options.api}/api/areas/import?${query.toString()}`, body: text };
}

/** `twin import-areas`: returns the exit code (0 done, 1 the API refused or failed, 2 bad command line). */
export async function runImportAreas(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseFlags(argv, FLAGS, true);
    if (values.help) return io.stdout.write(IMPORT_AREAS_HELP), 0;
    const level = values.level;
    if (!level || !LEVELS.includes(level)) throw new UsageError(`--level: ${level ? `"${level}" is not` : 'required, one of'} district, street or community`);
    const datum = values.datum ?? 'wgs84';
    if (datum !== 'wgs84' && datum !== 'gcj02') throw new UsageError(`--datum: "${datum}" is not wgs84 or gcj02`);
    const key = values.key ?? process.env['CITYTWIN_API_KEY'];
    if (!key) throw new UsageError('--key (or CITYTWIN_API_KEY) is required: a key with the admin role');
    if (positionals.length !== 1) throw new UsageError('name exactly one GeoJSON file (try --help)');
    const path = userPath(positionals[0]!);
    const name = basename(path);
    const text = await readDataFile(path, 'area polygons: a GeoJSON FeatureCollection');
    const api = (values.api ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
    const request = areaImportRequest(text, name, { api, level, nameProperty: values['name-property'] ?? 'name', datum, reassign: !values['no-reassign'] });
    const response = await fetch(request.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: request.body });
    const answer = await response.text();
    if (!response.ok) throw new Error(`the API answered ${response.status}: ${answer.slice(0, 400)}`);
    const result = JSON.parse(answer) as ImportAreasAnswer;
    io.stdout.write(`${name}: ${result.areas} ${result.level} areas (${result.polygons} polygons) in use; ${result.appealsReassigned} stored appeals given their ${result.level} again\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`import-areas: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
