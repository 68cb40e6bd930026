import type { RejectReason } from '@citytwin/shared';

/** Counters of one ingest worker since it started. */
export interface IngestStats {
  messagesIn: number;
  readingsStored: number;
  /** Readings that were already stored (redelivery, duplicate sends). */
  readingsDuplicate: number;
  deadLetters: number;
  deadLettersByReason: Partial<Record<RejectReason, number>>;
  batchesCommitted: number;
  lastBatchSize: number;
  lastCommitMs: number;
  /** Readings waiting in memory for the next commit. */
  pending: number;
  connected: boolean;
  /** Set while the store refuses writes. */
  storeError: string | null;
}

export function emptyStats(): IngestStats {
  return {
    messagesIn: 0, readingsStored: 0, readingsDuplicate: 0, deadLetters: 0, deadLettersByReason: {},
    batchesCommitted: 0, lastBatchSize: 0, lastCommitMs: 0, pending: 0, connected: false, storeError: null,
  };
}
