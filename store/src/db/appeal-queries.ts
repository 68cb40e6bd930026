import { cellToBigInt, type AppealContact, type AppealProgress, type H3Cell } from '@citytwin/shared';
import type { Queryable } from '../backends/db';
import { parentCellSql } from './cell-sql';

/** An appeal as stored, personal data excluded (see {@link findAppealContact}). Times are epoch ms. */
export interface StoredAppeal extends AppealProgress {
  id: string;
  externalId: string | null;
  category: string;
  channel: string;
  description: string | null;
  lat: number | null;
  lng: number | null;
  cell: H3Cell | null;
  address: string | null;
  district: string | null;
  street: string | null;
  community: string | null;
  receivedAtMs: number;
  updatedAtMs: number;
  responseDueMs: number | null;
  resolutionDueMs: number | null;
}

const ms = (column: string, alias: string) => `(extract(epoch from ${column}) * 1000)::float8 AS "${alias}"`;

/** The SELECT list that turns an `appeals` row into a {@link StoredAppeal}. */
export const STORED_APPEAL_COLUMNS = [
  'id', 'external_id AS "externalId"', 'category', 'status', 'channel', 'description', 'lat', 'lng',
  'CASE WHEN cell IS NULL THEN NULL ELSE to_hex(cell) END AS cell', 'address', 'district', 'street', 'community', 'departments',
  'duplicate_of AS "duplicateOf"', 'outcome', 'rating', 'reopen_count AS "reopenCount"',
  ms('received_at', 'receivedAtMs'), ms('updated_at', 'updatedAtMs'), ms('response_due', 'responseDueMs'), ms('resolution_due', 'resolutionDueMs'),
  ms('dispatched_at', 'dispatchedAtMs'), ms('responded_at', 'respondedAtMs'), ms('outcome_at', 'outcomeAtMs'), ms('rated_at', 'ratedAtMs'), ms('closed_at', 'closedAtMs'),
].join(', ');

/** One appeal by id, or undefined. */
export async function findAppeal(db: Queryable, id: string): Promise<StoredAppeal | undefined> {
  const [row] = await db.query<StoredAppeal>(`SELECT ${STORED_APPEAL_COLUMNS} FROM appeals WHERE id = $1`, [id]);
  return row;
}

/** The resident's personal data of one appeal (admins and operators only). */
export async function findAppealContact(db: Queryable, id: string): Promise<AppealContact | undefined> {
  const [row] = await db.query<AppealContact>('SELECT name, phone, email FROM appeal_contacts WHERE appeal_id = $1', [id]);
  return row;
}

export interface AppealEventRow {
  ts: string;
  type: string;
  actor: string | null;
  note: string | null;
  data: Record<string, unknown>;
}

/** The workflow history of one appeal, oldest first. */
export async function listAppealEvents(db: Queryable, id: string): Promise<AppealEventRow[]> {
  return db.query<AppealEventRow>(
    `SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ts, type, actor, note, data
     FROM appeal_events WHERE appeal_id = $1 ORDER BY ts, id`,
    [id],
  );
}

export interface AppealFilter {
  fromMs?: number;
  toMs?: number;
  /** First- or second-level code; a first-level one includes its children. */
  category?: string;
  /** One or more statuses. */
  statuses?: readonly string[];
  district?: string;
  street?: string;
  /** Any resolution up to the stored one: appeals inside that cell. */
  cell?: H3Cell;
  cellRes?: number;
  ids?: readonly string[];
  /** Updated at or after this time (Open311 clients polling). */
  updatedFromMs?: number;
  /** Only appeals overdue at `nowMs` for this step (same rule as `overdueFlags` in shared). */
  overdue?: { step: 'response' | 'resolution'; nowMs: number };
  limit: number;
  offset?: number;
}

function whereOf(filter: AppealFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const clauses: string[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(clause(`$${params.length}`));
  };
  if (filter.fromMs !== undefined) add((p) => `received_at >= ${p}`, new Date(filter.fromMs).toISOString());
  if (filter.toMs !== undefined) add((p) => `received_at < ${p}`, new Date(filter.toMs).toISOString());
  if (filter.updatedFromMs !== undefined) add((p) => `updated_at >= ${p}`, new Date(filter.updatedFromMs).toISOString());
  if (filter.category) add((p) => `(category = ${p} OR category LIKE ${p} || '.%')`, filter.category);
  if (filter.statuses?.length) add((p) => `status = ANY(${p}::text[])`, filter.statuses);
  if (filter.district) add((p) => `district = ${p}`, filter.district);
  if (filter.street) add((p) => `street = ${p}`, filter.street);
  if (filter.ids?.length) add((p) => `id = ANY(${p}::text[])`, filter.ids);
  if (filter.overdue) {
    const [due, done] = filter.overdue.step === 'response' ? ['response_due', 'responded_at'] : ['resolution_due', 'outcome_at'];
    add((p) => `status <> 'duplicate' AND ${due} < coalesce(${done}, ${p}::timestamptz)`, new Date(filter.overdue.nowMs).toISOString());
  }
  if (filter.cell && filter.cellRes !== undefined) add((p) => `${parentCellSql('cell', filter.cellRes!)} = ${p}::bigint`, cellToBigInt(filter.cell).toString());
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Appeals matching `filter`, newest first, and how many match in all. */
export async function listAppeals(db: Queryable, filter: AppealFilter): Promise<{ total: number; appeals: StoredAppeal[] }> {
  const { where, params } = whereOf(filter);
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM appeals ${where}`, params);
  const appeals = await db.query<StoredAppeal>(
    `SELECT ${STORED_APPEAL_COLUMNS} FROM appeals ${where} ORDER BY received_at DESC, id LIMIT ${Math.trunc(filter.limit)} OFFSET ${Math.trunc(filter.offset ?? 0)}`,
    params,
  );
  return { total: count?.n ?? 0, appeals };
}
