import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import { insertImportedAppeals, type ImportedAppeal } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { announceAppeals } from './announce-appeals';
import type { AppealEnrichment } from './appeal-enrichment';
import { IMPORT_FORMATS, readImportRow, rowsOfBody } from './import-rows';

const ImportQuery = Type.Object(
  {
    format: Type.Union(IMPORT_FORMATS.map((format) => Type.Literal(format))),
    /** Rows already sent in earlier chunks of the same file, so reported row numbers are the file's. */
    rowOffset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);

export const ImportResult = Type.Object({
  imported: Type.Integer(),
  duplicates: Type.Integer(),
  /** `row` counts data rows from 1 (the header line is not a row). */
  rejected: Type.Array(Type.Object({ row: Type.Integer(), reason: Type.String() })),
});

type Enrich = Promise<(appeal: { category: string; lat: number | null; lng: number | null; receivedAtMs: number }) => AppealEnrichment>;

/**
 * `POST /api/appeals/import?format=nyc311|citytwin`: bulk import of CSV
 * (`text/csv`) or JSON rows (operator/admin). Valid rows are stored, bad rows
 * reported with their number and reason; rows seen before count as duplicates.
 */
export function registerAppealImportRoutes(app: FastifyTypeBox, context: AppContext, enrich: Enrich): void {
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.post('/api/appeals/import', {
    schema: { querystring: ImportQuery, body: Type.Unknown(), response: { 200: ImportResult } },
  }, async (request) => {
    const { format, rowOffset } = request.query;
    const rows = rowsOfBody(request.body);
    const rejected: Array<{ row: number; reason: string }> = [];
    const accepted: ImportedAppeal[] = [];
    const enrichOne = await enrich;
    rows.forEach((row, index) => {
      const result = readImportRow(format, row, context.config.city);
      if (!result.ok) rejected.push({ row: rowOffset + index + 1, reason: result.reason });
      else accepted.push({ ...result.record, id: randomUUID(), ...enrichOne(result.record) });
    });
    const { imported, duplicates } = await insertImportedAppeals(context.store.db, accepted, request.caller);
    request.log.info({ format, rows: rows.length, imported, duplicates, rejected: rejected.length }, 'appeals imported');
    if (imported > 0) await announceAppeals(context.store.db, request.log, 'received', accepted.map((appeal) => ({ category: appeal.category, atMs: appeal.receivedAtMs })));
    return { imported, duplicates, rejected };
  });
}
