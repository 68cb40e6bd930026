import type { AppealProgress } from '@citytwin/shared';
import type { Db } from '../backends/db';
import { STORED_APPEAL_COLUMNS, type StoredAppeal } from './appeal-queries';

/** One workflow step to record: the new progress and its event. */
export interface AppealStep {
  progress: AppealProgress;
  atMs: number;
  actor: string;
  note: string | null;
  data: Record<string, unknown>;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Moves one appeal on, atomically: locks its row, lets `decide` check the
 * step against the current state (it throws to refuse), then writes the new
 * progress and the event. Returns undefined when there is no such appeal.
 */
export async function recordAppealStep(
  db: Db,
  id: string,
  decide: (current: StoredAppeal) => AppealStep | Promise<AppealStep>,
): Promise<StoredAppeal | undefined> {
  return db.transaction(async (tx) => {
    const [current] = await tx.query<StoredAppeal>(`SELECT ${STORED_APPEAL_COLUMNS} FROM appeals WHERE id = $1 FOR UPDATE`, [id]);
    if (!current) return undefined;
    const step = await decide(current);
    const p = step.progress;
    const [updated] = await tx.query<StoredAppeal>(
      `UPDATE appeals SET status = $2, departments = $3, dispatched_at = $4, responded_at = $5, outcome = $6, outcome_at = $7,
         rating = $8, rated_at = $9, closed_at = $10, duplicate_of = $11, reopen_count = $12, updated_at = now()
       WHERE id = $1 RETURNING ${STORED_APPEAL_COLUMNS}`,
      [id, p.status, p.departments, iso(p.dispatchedAtMs), iso(p.respondedAtMs), p.outcome, iso(p.outcomeAtMs), p.rating,
        iso(p.ratedAtMs), iso(p.closedAtMs), p.duplicateOf, p.reopenCount],
    );
    await tx.query('INSERT INTO appeal_events (appeal_id, ts, type, actor, note, data) VALUES ($1, $2, $3, $4, $5, $6)', [
      id, new Date(step.atMs).toISOString(), p.status, step.actor, step.note, JSON.stringify(step.data),
    ]);
    return updated;
  });
}
