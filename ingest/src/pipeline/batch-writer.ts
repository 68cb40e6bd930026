import type { Logger } from 'pino';
import type { Reading } from '@citytwin/shared';
import { insertDeadLetters, insertReadingsBatch, touchSensorsLastSeen, type DeadLetter, type Db } from '@citytwin/store';
import type { IngestStats } from './ingest-stats';

export interface BatchLimits {
  /** Commit when this many readings wait. */
  maxRows: number;
  /** Commit at the latest this long after the first waiting reading. */
  maxDelayMs: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxRows: 5000, maxDelayMs: 200 };

/**
 * Gathers readings and dead letters and commits them in batches (by size or
 * by time), one batch at a time. `onCommitted` runs after each commit with
 * the callbacks of the messages it contained, so they can be acknowledged.
 */
export class BatchWriter {
  private readings: Reading[] = [];
  private letters: DeadLetter[] = [];
  private acks: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly limits: BatchLimits,
    private readonly stats: IngestStats,
    private readonly logger: Logger,
  ) {}

  add(readings: readonly Reading[], letters: readonly DeadLetter[], ack: () => void): void {
    this.readings.push(...readings);
    this.letters.push(...letters);
    this.acks.push(ack);
    this.stats.pending = this.readings.length;
    if (this.readings.length >= this.limits.maxRows) this.flushSoon(0);
    else this.flushSoon(this.limits.maxDelayMs);
  }

  private flushSoon(delayMs: number): void {
    if (delayMs === 0) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.flush();
    } else this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
  }

  /** Commits what waits now (after any commit already running). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.commitWaiting());
    return this.flushing;
  }

  private async commitWaiting(): Promise<void> {
    if (this.readings.length === 0 && this.letters.length === 0 && this.acks.length === 0) return;
    const readings = this.readings;
    const letters = this.letters;
    const acks = this.acks;
    this.readings = [];
    this.letters = [];
    this.acks = [];
    const started = performance.now();
    for (;;) {
      try {
        const stored = await insertReadingsBatch(this.db, readings);
        await insertDeadLetters(this.db, letters);
        await touchSensorsLastSeen(this.db, newestBySensor(readings));
        this.stats.readingsStored += stored;
        this.stats.readingsDuplicate += readings.length - stored;
        this.stats.batchesCommitted += 1;
        this.stats.lastBatchSize = readings.length;
        this.stats.lastCommitMs = performance.now() - started;
        this.stats.pending = this.readings.length;
        if (this.stats.storeError) this.logger.info('store reachable again; writes resumed');
        this.stats.storeError = null;
        break;
      } catch (error) {
        // Keep the batch and retry: nothing is acknowledged until it is committed.
        if (!this.stats.storeError) this.logger.error({ err: error }, 'store write failed; holding the batch and retrying');
        this.stats.storeError = error instanceof Error ? error.message : String(error);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    for (const ack of acks) ack();
  }
}

function newestBySensor(readings: readonly Reading[]): Map<string, number> {
  const newest = new Map<string, number>();
  for (const reading of readings) {
    if ((newest.get(reading.sensorId) ?? -Infinity) < reading.tsMs) newest.set(reading.sensorId, reading.tsMs);
  }
  return newest;
}
