import type { FastifyBaseLogger } from 'fastify';
import { CHANGE_CHANNELS, describeAppeals, notifyChange, type AppealTouch, type AppealsChange, type Db } from '@citytwin/store';

/**
 * Tells every API instance's live channel that appeals were received or moved
 * on (Postgres NOTIFY; each instance then reads the new counts from the
 * store). Runs after the write committed; a failure is logged and costs a
 * live update, never the request.
 */
export async function announceAppeals(db: Db, log: FastifyBaseLogger, kind: AppealsChange['kind'], appeals: readonly AppealTouch[]): Promise<void> {
  if (appeals.length === 0) return;
  await notifyChange(db, CHANGE_CHANNELS.appeals, describeAppeals(kind, appeals))
    .catch((error: unknown) => log.warn({ err: error }, 'appeals stored but not announced to the live channel'));
}
