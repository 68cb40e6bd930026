import { applyTransition, receivedProgress, type AppealImportRecord, type AppealProgress } from '@citytwin/shared';
import type { Db } from '../backends/db';
import { APPEAL_INSERT_COLUMNS, appealInsertValues, insertAppealContacts, type NewAppeal } from './appeals';
import { insertMultiRow } from './multi-row-insert';

/** An import record with what the api adds: our id, cell, admin area and SLA deadlines. */
export type ImportedAppeal = AppealImportRecord & Omit<NewAppeal, 'progress' | 'contact' | 'externalId'>;

function progressOf(record: AppealImportRecord): AppealProgress {
  return record.steps.reduce((progress, step) => applyTransition(progress, step, step.atMs), receivedProgress());
}

function eventRows(appeal: ImportedAppeal, actor: string): unknown[][] {
  const received = [appeal.id, new Date(appeal.receivedAtMs).toISOString(), 'received', actor, 'imported', '{}'];
  return [received, ...appeal.steps.map((step) => [
    appeal.id, new Date(step.atMs).toISOString(), step.to, actor, 'imported', JSON.stringify(step.departments ? { departments: step.departments } : {}),
  ])];
}

/**
 * Stores imported appeals with their past workflow steps as events. A record
 * whose `externalId` is already stored (or repeats within the batch) is skipped
 * and counted as a duplicate, so importing the same file twice imports nothing new.
 */
export async function insertImportedAppeals(db: Db, appeals: readonly ImportedAppeal[], actor: string): Promise<{ imported: number; duplicates: number }> {
  if (appeals.length === 0) return { imported: 0, duplicates: 0 };
  return db.transaction(async (tx) => {
    const values = appeals.map((appeal) => appealInsertValues({ ...appeal, progress: progressOf(appeal) }));
    const inserted = await insertMultiRow<{ id: string }>(tx, 'appeals', APPEAL_INSERT_COLUMNS, values, 'ON CONFLICT (external_id) DO NOTHING RETURNING id');
    const ids = new Set(inserted.map((row) => row.id));
    const stored = appeals.filter((appeal) => ids.has(appeal.id));
    await insertMultiRow(tx, 'appeal_events', ['appeal_id', 'ts', 'type', 'actor', 'note', 'data'], stored.flatMap((appeal) => eventRows(appeal, actor)));
    await insertAppealContacts(tx, stored.flatMap((appeal) => (appeal.contact ? [{ appealId: appeal.id, contact: appeal.contact }] : [])));
    return { imported: stored.length, duplicates: appeals.length - stored.length };
  });
}
