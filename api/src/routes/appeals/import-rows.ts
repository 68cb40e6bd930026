import { parse } from 'csv-parse/sync';
import { readCitytwinRow, readNyc311Row, type ImportCity, type ImportRowResult } from '@citytwin/shared';
import { badParameter } from '../../app/http-error';

export const IMPORT_FORMATS = ['nyc311', 'citytwin'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The body's rows as objects keyed by column name: CSV text with a header line, or a JSON array of objects. */
export function rowsOfBody(body: unknown): Array<Record<string, unknown>> {
  if (typeof body === 'string') {
    try {
      return parse(body, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true, trim: false }) as Array<Record<string, unknown>>;
    } catch (error) {
      throw badParameter('body', `is not CSV with a header line (${(error as Error).message.split('\n')[0]})`);
    }
  }
  if (Array.isArray(body)) return body as Array<Record<string, unknown>>;
  const rows = (body as { rows?: unknown } | null)?.rows;
  if (Array.isArray(rows)) return rows as Array<Record<string, unknown>>;
  throw badParameter('body', 'must be CSV text (content-type text/csv) or a JSON array of rows');
}

/** Reads one row of `format`; values of CSV rows are strings, JSON rows may carry numbers. */
export function readImportRow(format: ImportFormat, row: Record<string, unknown>, city: ImportCity): ImportRowResult {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return { ok: false, reason: 'row is not an object' };
  if (format === 'citytwin') return readCitytwinRow(row, city);
  const strings = Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === null || value === undefined ? undefined : String(value)]));
  return readNyc311Row(strings, city);
}
