import type { IngestStats } from './ingest-stats';

/** What `/api/health` shows of an ingest worker; `degraded` while the store refuses writes or intake is paused. */
export interface IngestHealth {
  ingest: Pick<
    IngestStats,
    'connected' | 'messagesIn' | 'readingsStored' | 'readingsDuplicate' | 'deadLetters' | 'deadLettersByReason' | 'batchesCommitted' | 'pending' | 'backpressure' | 'storeError' | 'lastCommitMs' | 'lastBatchSize'
  >;
  degraded: boolean;
}

/**
 * The health summary of a worker.
 * @example ingestHealth(worker) // { ingest: { connected: true, pending: 0, ... }, degraded: false }
 */
export function ingestHealth(worker: { stats(): IngestStats }): IngestHealth {
  const s = worker.stats();
  return {
    ingest: {
      connected: s.connected, messagesIn: s.messagesIn, readingsStored: s.readingsStored, readingsDuplicate: s.readingsDuplicate,
      deadLetters: s.deadLetters, deadLettersByReason: s.deadLettersByReason, batchesCommitted: s.batchesCommitted, pending: s.pending, backpressure: s.backpressure, storeError: s.storeError,
      lastCommitMs: Math.round(s.lastCommitMs), lastBatchSize: s.lastBatchSize,
    },
    degraded: s.storeError !== null || s.backpressure,
  };
}
