import type { Logger } from 'pino';
import { settleRollups, type Db } from '@citytwin/store';

/** How often the hour and day rollups are derived from the 5-minute ones. */
export const DEFAULT_SETTLE_INTERVAL_MS = 1000;
/** An hour is derived once no batch marked it for this long (so the current hour is not derived every pass). */
export const SETTLE_QUIET_MS = 5000;

export interface RollupSettler {
  /**
   * Stops the timer. With `settleRest` (the store answered the last flush), waits for a pass in
   * flight and settles what is left once more; without, leaves the marks for the next start.
   */
  stop(settleRest: boolean): Promise<void>;
}

/**
 * Derives the hour and day rollups of the hours the worker's batches marked
 * (`settleRollups`) once every `intervalMs`, one pass at a time, off the
 * commit path: a batch adds to one rollup tier instead of three, and an hour
 * is derived once it has been quiet for {@link SETTLE_QUIET_MS}, not once a
 * batch. At a clean stop, everything marked is derived. Readers take hours
 * not derived yet from the 5-minute tier, so nothing they see depends on
 * this timing. A failed pass (store down) is logged and retried.
 */
export function startRollupSettler(db: Db, logger: Logger, intervalMs = DEFAULT_SETTLE_INTERVAL_MS): RollupSettler {
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let failing = false;
  const pass = (quietMs: number) => {
    busy = true;
    running = settleRollups(db, quietMs).then(
      () => {
        if (failing) logger.info('rollup tiers derived again');
        failing = false;
      },
      (error: unknown) => {
        if (!failing) logger.warn({ err: error }, 'deriving the hour and day rollups failed; retrying (readers use the 5-minute tier meanwhile)');
        failing = true;
      },
    ).finally(() => {
      busy = false;
    });
  };
  const timer = setInterval(() => {
    if (!busy) pass(SETTLE_QUIET_MS);
  }, intervalMs);
  timer.unref();
  return {
    async stop(settleRest) {
      clearInterval(timer);
      if (!settleRest) return;
      await running;
      pass(0);
      await running;
    },
  };
}
