import { cellToBigInt, receivedProgress, type AppealContact, type AppealProgress, type H3Cell } from '@citytwin/shared';
import type { Db, Queryable } from '../backends/db';
import { insertMultiRow } from './multi-row-insert';

/** District (区), street/township (街乡镇) and community (社区) of an appeal, when known. */
export interface AdminAreaNames {
  district: string | null;
  street: string | null;
  community: string | null;
}

export interface NewAppeal {
  id: string;
  category: string;
  channel: string;
  description?: string | null;
  lat?: number | null;
  lng?: number | null;
  cell?: H3Cell | null;
  address?: string | null;
  receivedAtMs: number;
  /** Id in the source system (imports, Open311 clients); unique. */
  externalId?: string | null;
  area?: AdminAreaNames;
  responseDueMs?: number | null;
  resolutionDueMs?: number | null;
  contact?: AppealContact | null;
  /** Workflow state at insert; `received` when absent. */
  progress?: AppealProgress;
}

export const APPEAL_INSERT_COLUMNS = [
  'id', 'external_id', 'category', 'status', 'channel', 'description', 'lat', 'lng', 'cell', 'address', 'received_at',
  'district', 'street', 'community', 'departments', 'response_due', 'resolution_due', 'dispatched_at', 'responded_at',
  'outcome', 'outcome_at', 'rating', 'rated_at', 'closed_at',
] as const;

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** The values of {@link APPEAL_INSERT_COLUMNS} for one appeal. */
export function appealInsertValues(appeal: NewAppeal): unknown[] {
  const progress = appeal.progress ?? receivedProgress();
  return [
    appeal.id, appeal.externalId ?? null, appeal.category, progress.status, appeal.channel, appeal.description ?? null,
    appeal.lat ?? null, appeal.lng ?? null, appeal.cell ? cellToBigInt(appeal.cell).toString() : null, appeal.address ?? null,
    iso(appeal.receivedAtMs), appeal.area?.district ?? null, appeal.area?.street ?? null, appeal.area?.community ?? null,
    progress.departments, iso(appeal.responseDueMs), iso(appeal.resolutionDueMs), iso(progress.dispatchedAtMs),
    iso(progress.respondedAtMs), progress.outcome, iso(progress.outcomeAtMs), progress.rating, iso(progress.ratedAtMs), iso(progress.closedAtMs),
  ];
}

/** Stores the resident's personal data apart from the appeal. */
export async function insertAppealContacts(tx: Queryable, contacts: ReadonlyArray<{ appealId: string; contact: AppealContact }>): Promise<void> {
  await insertMultiRow(tx, 'appeal_contacts', ['appeal_id', 'name', 'phone', 'email'], contacts.map(({ appealId, contact }) => [
    appealId, contact.name ?? null, contact.phone ?? null, contact.email ?? null,
  ]));
}

/** Stores a new appeal in status `received` with its first event (and its contact, if given). */
export async function insertAppeal(db: Db, appeal: NewAppeal, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    await insertMultiRow(tx, 'appeals', APPEAL_INSERT_COLUMNS, [appealInsertValues(appeal)]);
    await tx.query(`INSERT INTO appeal_events (appeal_id, ts, type, actor) VALUES ($1, $2, 'received', $3)`, [
      appeal.id,
      iso(appeal.receivedAtMs),
      actor,
    ]);
    if (appeal.contact) await insertAppealContacts(tx, [{ appealId: appeal.id, contact: appeal.contact }]);
  });
}

/** Number of stored appeals. */
export async function countAppeals(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM appeals');
  return row?.n ?? 0;
}
