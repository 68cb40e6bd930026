import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UsageError, readDataFile, userPath, type CliIo } from './cli-io';
import { intFlag, parseFlags } from './parse-flags';

export const IMPORT_APPEALS_HELP = `Usage: pnpm twin import-appeals --format nyc311|citytwin [options] <file...>

Imports recorded appeals (CSV with a header line, or a JSON array) through
POST /api/appeals/import, in chunks, with a progress bar on stderr. Valid rows
are stored, bad rows are listed with their row number and reason; rows already
imported count as duplicates, so running it twice imports nothing new.

Options:
  --format <f>     nyc311 (NYC Open Data 311 export) or citytwin (default nyc311)
  --api <url>      API base URL (default http://127.0.0.1:8080)
  --key <key>      a key with the operator or admin role (or env CITYTWIN_API_KEY)
  --chunk <n>      rows per request (default 1000)

Example:
  pnpm twin import-appeals --format nyc311 ../shared/data/nyc/311/nyc311_2025-03_somaiyahhafeez.csv
`;

const FLAGS = { format: { type: 'string' }, api: { type: 'string' }, key: { type: 'string' }, chunk: { type: 'string' } } as const;

interface ImportAnswer {
  imported: number;
  duplicates: number;
  rejected: Array<{ row: number; reason: string }>;
}

/** The rows of a CSV (header line) or JSON array file, as objects. */
export function rowsOfFile(text: string, name: string): Array<Record<string, unknown>> {
  if (name.endsWith('.json')) {
    const json: unknown = JSON.parse(text);
    if (!Array.isArray(json)) throw new UsageError(`${name}: a JSON import file holds an array of rows`);
    return json as Array<Record<string, unknown>>;
  }
  return parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as Array<Record<string, unknown>>;
}

/** `[#########...........]  4000/8000 rows` */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} rows`;
}

async function sendChunk(api: string, key: string, format: string, rows: unknown[], rowOffset: number): Promise<ImportAnswer> {
  const response = await fetch(`${api}/api/appeals/import?format=${format}&rowOffset=${rowOffset}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(rows),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`the API answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as ImportAnswer;
}

async function importFile(path: string, options: { api: string; key: string; format: string; chunk: number }, io: CliIo): Promise<ImportAnswer> {
  const name = basename(path);
  const rows = rowsOfFile(await readDataFile(path, 'recorded appeals: a NYC 311 CSV export of NYC Open Data, or CityTwin JSON/CSV'), name);
  const total: ImportAnswer = { imported: 0, duplicates: 0, rejected: [] };
  for (let offset = 0; offset < rows.length || offset === 0; offset += options.chunk) {
    const answer = await sendChunk(options.api, options.key, options.format, rows.slice(offset, offset + options.chunk), offset);
    total.imported += answer.imported;
    total.duplicates += answer.duplicates;
    total.rejected.push(...answer.rejected);
    io.stderr.write(`\r${name} ${progressBar(Math.min(offset + options.chunk, rows.length), rows.length)}  imported ${total.imported}, duplicates ${total.duplicates}, rejected ${total.rejected.length}`);
    if (rows.length === 0) break;
  }
  io.stderr.write('\n');
  return total;
}

function reportFile(io: CliIo, path: string, answer: ImportAnswer): void {
  io.stdout.write(`${basename(path)}: imported ${answer.imported}, duplicates ${answer.duplicates}, rejected ${answer.rejected.length}\n`);
  for (const { row, reason } of answer.rejected.slice(0, 20)) io.stdout.write(`  row ${row}: ${reason}\n`);
  if (answer.rejected.length > 20) io.stdout.write(`  ... and ${answer.rejected.length - 20} more\n`);
}

/**
 * `twin import-appeals`: returns the exit code (0 done, 1 the API failed, 2 bad command line).
 */
export async function runImportAppeals(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseFlags(argv, FLAGS, true);
    if (values.help) return io.stdout.write(IMPORT_APPEALS_HELP), 0;
    const format = values.format ?? 'nyc311';
    if (format !== 'nyc311' && format !== 'citytwin') throw new UsageError(`--format: "${format}" is not nyc311 or citytwin`);
    const key = values.key ?? process.env['CITYTWIN_API_KEY'];
    if (!key) throw new UsageError('--key (or CITYTWIN_API_KEY) is required: a key with the operator or admin role');
    if (positionals.length === 0) throw new UsageError('name at least one file to import (try --help)');
    const options = { api: (values.api ?? 'http://127.0.0.1:8080').replace(/\/$/, ''), key, format, chunk: intFlag('chunk', values.chunk, 1000, 1, 20_000) };
    for (const file of positionals) reportFile(io, file, await importFile(userPath(file), options, io));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`import-appeals: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`import-appeals: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
