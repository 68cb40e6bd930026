import type { Logger } from 'pino';
import type { Reading } from '@citytwin/shared';
import { CHANGE_CHANNELS, insertDeadLetters, insertReadingsBatch, notifyChange, ReadingsBatch, touchSensorsLastSeen, type DeadLetter, type Db } from '@citytwin/store';
import { recordCommit, type IngestStats } from './ingest-stats';

export interface BatchLimits {
  /** Commit when this many readings wait. */
  maxRows: number;
  /** Commit at the latest this long after the first waiting reading. */
  maxDelayMs: number;
  /** Readings held in memory (waiting and committing) before intake pauses: the backpressure bound. */
  maxPendingRows: number;
  /** Batches committed at the same time (each on its own connection). */
  maxConcurrentCommits: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxRows: 20_000, maxDelayMs: 200, maxPendingRows: 200_000, maxConcurrentCommits: 2 };

const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 5000];

interface Batch {
  /** COPY text, rollup deltas and newest times, built as readings arrive. */
  readings: ReadingsBatch;
  letters: DeadLetter[];
  acks: Array<() => void>;
  /** performance.now() when the first message of the batch arrived. */
  firstAtMs: number;
}

function emptyBatch(): Batch {
  return { readings: new ReadingsBatch(), letters: [], acks: [], firstAtMs: 0 };
}

/**
 * Gathers readings and dead letters and commits them in batches (by size or by
 * time), up to `maxConcurrentCommits` at once. A batch's acknowledgements run
 * only after it is committed; a failed commit is retried with backoff and
 * never acknowledged meanwhile. While `maxPendingRows` readings are in memory,
 * {@link BatchWriter.whenRoom} holds intake back.
 */
export class BatchWriter {
  private open: Batch = emptyBatch();
  private readonly queue: Batch[] = [];
  private committing = 0;
  private timer: NodeJS.Timeout | undefined;
  private held = 0;
  private roomWaiters: Array<() => void> = [];
  private idleWaiters: Array<() => void> = [];
  private lastSeen = new Map<string, number>();
  private lastSeenAt = 0;
  /** Messages added and not yet acknowledged. */
  private unacked = 0;
  /** performance.now() of the last commit, or of the first message an idle writer took since. */
  private progressAt = 0;
  private lastCommitAt: number | undefined;

  constructor(
    private readonly db: Db,
    private readonly limits: BatchLimits,
    private readonly stats: IngestStats,
    private readonly logger: Logger,
  ) {}

  /** Adds one message's outcome; `ack` runs once it is durably stored. */
  add(readings: readonly Reading[], letters: readonly DeadLetter[], ack: () => void): void {
    const batch = this.open;
    if (batch.acks.length === 0) batch.firstAtMs = performance.now();
    if (this.unacked === 0) this.progressAt = performance.now();
    this.unacked += 1;
    for (const reading of readings) batch.readings.add(reading);
    for (const letter of letters) batch.letters.push(letter);
    batch.acks.push(ack);
    this.held += readings.length;
    this.stats.pending = this.held;
    if (batch.readings.length >= this.limits.maxRows) this.seal();
    else this.timer ??= setTimeout(() => this.seal(), this.limits.maxDelayMs);
  }

  /** True while intake should pause (too many readings in memory). */
  isFull(): boolean {
    return this.held >= this.limits.maxPendingRows;
  }

  /** Resolves when intake may continue. */
  whenRoom(): Promise<void> {
    if (!this.isFull()) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /** Seconds the oldest uncommitted message has waited (0 when none). */
  oldestWaitS(): number {
    const oldest = this.queue[0] ?? (this.open.acks.length > 0 ? this.open : undefined);
    return oldest ? (performance.now() - oldest.firstAtMs) / 1000 : 0;
  }

  /**
   * Seconds the writer has held messages without committing any (0 while it holds none): a
   * store that hangs or keeps failing makes it grow; a busy but healthy one keeps it near the
   * commit time.
   */
  stalledS(): number {
    return this.unacked === 0 ? 0 : (performance.now() - this.progressAt) / 1000;
  }

  /** Seconds since the last commit; undefined before the first. */
  lastCommitAgeS(): number | undefined {
    return this.lastCommitAt === undefined ? undefined : (performance.now() - this.lastCommitAt) / 1000;
  }

  /** Commits everything waiting now and resolves when nothing is left in flight. */
  async flush(): Promise<void> {
    this.seal();
    if (this.committing > 0 || this.queue.length > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    this.lastSeenAt = 0;
    await this.touchLastSeen().catch((error: unknown) => this.logger.warn({ err: error }, 'last-seen times not written'));
  }

  private seal(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.open.acks.length > 0) {
      this.queue.push(this.open);
      this.open = emptyBatch();
    }
    this.pump();
  }

  private pump(): void {
    while (this.committing < this.limits.maxConcurrentCommits && this.queue.length > 0) {
      const batch = this.queue.shift()!;
      this.committing += 1;
      void this.commitWithRetry(batch).then(() => {
        this.committing -= 1;
        this.afterCommit(batch);
      });
    }
  }

  private afterCommit(batch: Batch): void {
    this.held -= batch.readings.length;
    this.stats.pending = this.held;
    this.unacked -= batch.acks.length;
    this.progressAt = performance.now();
    this.lastCommitAt = this.progressAt;
    for (const ack of batch.acks) ack();
    if (!this.isFull()) for (const resume of this.roomWaiters.splice(0)) resume();
    this.pump();
    if (this.committing === 0 && this.queue.length === 0) for (const done of this.idleWaiters.splice(0)) done();
  }

  private async commitWithRetry(batch: Batch): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      const started = performance.now();
      try {
        const stored = await this.commit(batch);
        recordCommit(this.stats, batch.readings.length, stored, performance.now() - started);
        if (stored > 0) this.announce(batch.readings);
        if (this.stats.storeError) this.logger.info('store reachable again; writes and acknowledgements resumed');
        this.stats.storeError = null;
        return;
      } catch (error) {
        // Keep the batch and retry: nothing of it is acknowledged until it is committed.
        if (!this.stats.storeError) this.logger.error({ err: error, held: this.held }, 'store write failed; holding readings, not acknowledging, retrying');
        this.stats.storeError = error instanceof Error ? error.message : String(error);
        this.stats.commitFailures += 1;
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]));
      }
    }
  }

  private async commit(batch: Batch): Promise<number> {
    const stored = await insertReadingsBatch(this.db, batch.readings);
    await insertDeadLetters(this.db, batch.letters);
    noteNewestTimes(this.lastSeen, batch.readings.newestBySensor);
    await this.touchLastSeen();
    return stored;
  }

  // The live channel's hook: every API instance learns from Postgres what the
  // batch changed and reads the new values itself. A lost announcement costs a
  // live update (the API also refreshes on a timer), never data or an ack.
  private announce(readings: ReadingsBatch): void {
    notifyChange(this.db, CHANGE_CHANNELS.readings, readings.change())
      .catch((error: unknown) => this.logger.warn({ err: error }, 'readings committed but not announced to the live channel'));
  }

  // Last-seen times are a health signal, not data: writing them at most every
  // LAST_SEEN_EVERY_MS saves one upsert of every sensor per batch under load.
  private async touchLastSeen(): Promise<void> {
    if (this.lastSeen.size === 0 || performance.now() - this.lastSeenAt < LAST_SEEN_EVERY_MS) return;
    const due = this.lastSeen;
    this.lastSeen = new Map();
    this.lastSeenAt = performance.now();
    try {
      // Sorted, so concurrent commits lock sensor rows in the same order.
      await touchSensorsLastSeen(this.db, new Map([...due].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
    } catch (error) {
      noteNewestTimes(this.lastSeen, due);
      throw error;
    }
  }
}

const LAST_SEEN_EVERY_MS = 1000;

function noteNewestTimes(newest: Map<string, number>, times: ReadonlyMap<string, number>): void {
  for (const [id, ms] of times) if ((newest.get(id) ?? -Infinity) < ms) newest.set(id, ms);
}
