import type { Queryable } from '../backends/db';
import type { ChangeChannel, ChangeOf } from './change-channels';

/**
 * Postgres refuses `NOTIFY` payloads of 8000 bytes or more (the default
 * build's limit, postgresql.org/docs/current/sql-notify.html); we stay below
 * with room to spare.
 */
export const NOTIFY_MAX_BYTES = 7900;

const encoder = new TextEncoder();

/** The JSON payload of a change, made smaller (optional lists dropped) when it would not fit. */
export function encodeChange<C extends ChangeChannel>(channel: C, change: ChangeOf[C]): string {
  const text = JSON.stringify(change);
  if (encoder.encode(text).length <= NOTIFY_MAX_BYTES) return text;
  if ('categories' in change) {
    const { categories: _dropped, ...compact } = change;
    return JSON.stringify(compact);
  }
  throw new RangeError(`a ${channel} change of ${text.length} characters does not fit a NOTIFY payload`);
}

/**
 * Announces a change on `channel` (`pg_notify`). Run it on the store after
 * the write committed, or inside the writing transaction (`tx`): Postgres then
 * delivers it exactly when, and only if, the transaction commits. Every
 * process listening on the database (each API instance) receives it.
 * @example await notifyChange(db, CHANGE_CHANNELS.alerts, { id: '42', event: 'opened' })
 */
export async function notifyChange<C extends ChangeChannel>(db: Queryable, channel: C, change: ChangeOf[C]): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [channel, encodeChange(channel, change)]);
}
