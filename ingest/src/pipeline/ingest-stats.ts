import type { RejectReason } from '@citytwin/shared';

/** Upper bounds of the commit-latency histogram, in seconds. */
export const COMMIT_SECONDS_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;
/** Upper bounds of the batch-size histogram, in readings. */
export const BATCH_SIZE_BUCKETS = [1, 10, 100, 500, 1000, 2500, 5000, 10_000, 20_000] as const;

/** A cumulative histogram in the Prometheus sense. */
export interface Histogram {
  bounds: readonly number[];
  /** counts[i] = observations <= bounds[i]; the last entry is +Inf. */
  counts: number[];
  sum: number;
  count: number;
}

/** Counters of one ingest worker since it started. */
export interface IngestStats {
  messagesIn: number;
  /** Of `messagesIn`: SenML packs. */
  senmlPacks: number;
  readingsIn: number;
  readingsStored: number;
  /** Readings that were already stored (redelivery, duplicate sends). */
  readingsDuplicate: number;
  deadLetters: number;
  deadLettersByReason: Partial<Record<RejectReason, number>>;
  batchesCommitted: number;
  commitFailures: number;
  lastBatchSize: number;
  lastCommitMs: number;
  batchSize: Histogram;
  commitSeconds: Histogram;
  /** Readings in memory, waiting for or inside a commit. */
  pending: number;
  /** True while intake is paused because `pending` reached its bound. */
  backpressure: boolean;
  connected: boolean;
  /** Set while the store refuses writes. */
  storeError: string | null;
}

function histogram(bounds: readonly number[]): Histogram {
  return { bounds, counts: new Array<number>(bounds.length + 1).fill(0), sum: 0, count: 0 };
}

/** Adds one observation to a cumulative histogram. */
export function observe(target: Histogram, value: number): void {
  for (let i = 0; i < target.bounds.length; i += 1) if (value <= target.bounds[i]!) target.counts[i]! += 1;
  target.counts[target.bounds.length]! += 1;
  target.sum += value;
  target.count += 1;
}

/** Fresh counters. */
export function emptyStats(): IngestStats {
  return {
    messagesIn: 0, senmlPacks: 0, readingsIn: 0, readingsStored: 0, readingsDuplicate: 0, deadLetters: 0, deadLettersByReason: {},
    batchesCommitted: 0, commitFailures: 0, lastBatchSize: 0, lastCommitMs: 0,
    batchSize: histogram(BATCH_SIZE_BUCKETS), commitSeconds: histogram(COMMIT_SECONDS_BUCKETS),
    pending: 0, backpressure: false, connected: false, storeError: null,
  };
}

/** Books one committed batch. */
export function recordCommit(stats: IngestStats, size: number, stored: number, elapsedMs: number): void {
  stats.readingsStored += stored;
  stats.readingsDuplicate += size - stored;
  stats.batchesCommitted += 1;
  stats.lastBatchSize = size;
  stats.lastCommitMs = elapsedMs;
  observe(stats.batchSize, size);
  observe(stats.commitSeconds, elapsedMs / 1000);
}

/** A deep copy safe to hand out. */
export function snapshotStats(stats: IngestStats): IngestStats {
  return structuredClone(stats);
}
