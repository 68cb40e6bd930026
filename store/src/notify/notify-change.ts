import { cellResolution, parentCell, type H3Cell } from '@citytwin/shared';
import type { Queryable } from '../backends/db';
import type { ChangeChannel, ChangeOf } from './change-channels';

/**
 * Postgres refuses `NOTIFY` payloads of 8000 bytes or more (the default
 * build's limit, postgresql.org/docs/current/sql-notify.html); we stay below
 * with room to spare.
 */
export const NOTIFY_MAX_BYTES = 7900;

const encoder = new TextEncoder();
const fits = (text: string) => encoder.encode(text).length <= NOTIFY_MAX_BYTES;

/** The distinct parents of `cells` at `res` (cells already as coarse stay as they are). */
function parentsAt(cells: readonly H3Cell[], res: number): H3Cell[] {
  return [...new Set(cells.map((cell) => (cellResolution(cell) > res ? parentCell(cell, res) : cell)))].sort();
}

/**
 * The JSON payload of a change, made smaller when it would not fit: a cell
 * list is coarsened one resolution at a time (still naming every cell
 * touched, less sharply), and dropped only if even resolution 0 is too long;
 * a category list is dropped.
 */
export function encodeChange<C extends ChangeChannel>(channel: C, change: ChangeOf[C]): string {
  const text = JSON.stringify(change);
  if (fits(text)) return text;
  if ('cells' in change && change.cells) {
    const finest = Math.max(0, ...change.cells.map(cellResolution));
    for (let res = finest - 1; res >= 0; res -= 1) {
      const coarser = JSON.stringify({ ...change, cells: parentsAt(change.cells, res) });
      if (fits(coarser)) return coarser;
    }
    const { cells: _dropped, ...compact } = change;
    return JSON.stringify(compact);
  }
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
