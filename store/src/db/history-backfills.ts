import type { Queryable } from '../backends/db';

/** A generated history being (or having been) written into the store, and how far it got. */
export interface HistoryBackfillMarker<Plan> {
  name: string;
  /** What the history is, enough to generate the same one again (JSON). */
  plan: Plan;
  slices: number;
  slicesDone: number;
  finished: boolean;
}

interface MarkerRow {
  name: string;
  plan: unknown;
  slices: number;
  slices_done: number;
  finished: boolean;
}

const toMarker = <Plan>(row: MarkerRow): HistoryBackfillMarker<Plan> => ({
  name: row.name, plan: row.plan as Plan, slices: row.slices, slicesDone: row.slices_done, finished: row.finished,
});

/** The marker of the history `name`, or null when none was ever started. */
export async function findHistoryBackfill<Plan>(db: Queryable, name: string): Promise<HistoryBackfillMarker<Plan> | null> {
  const [row] = await db.query<MarkerRow>(
    'SELECT name, plan, slices, slices_done, finished_at IS NOT NULL AS finished FROM history_backfills WHERE name = $1', [name],
  );
  return row ? toMarker<Plan>(row) : null;
}

/**
 * Records that the history `name` is about to be written (none of its
 * `slices` yet). Returns false, changing nothing, when a marker of that name
 * exists already: two starts never write two histories.
 * @example await startHistoryBackfillMarker(db, 'simulation', { endMs, days: 28, seed }, 57) // true
 */
export async function startHistoryBackfillMarker(db: Queryable, name: string, plan: object, slices: number): Promise<boolean> {
  const rows = await db.query('INSERT INTO history_backfills (name, plan, slices) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING 1', [name, JSON.stringify(plan), slices]);
  return rows.length === 1;
}

/** Records that the first `slicesDone` slices are written (and, with all of them, that the history is done). */
export async function saveHistoryBackfillProgress(db: Queryable, name: string, slicesDone: number): Promise<void> {
  await db.query(
    `UPDATE history_backfills SET slices_done = greatest(slices_done, $2),
       finished_at = CASE WHEN $2 >= slices THEN coalesce(finished_at, now()) ELSE finished_at END
     WHERE name = $1`,
    [name, slicesDone],
  );
}
