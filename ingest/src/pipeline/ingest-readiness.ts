/** Why a worker is not ready; stable codes for orchestrators and runbooks. */
export type IngestNotReadyReason = 'shutting_down' | 'broker_disconnected' | 'store_unreachable' | 'commits_stalled';

export interface IngestReadiness {
  ready: boolean;
  reasons: IngestNotReadyReason[];
  checks: {
    broker: { ok: boolean };
    store: { ok: boolean };
    /** `stalledS`: how long messages have waited without any commit; `maxStallS`: the limit. */
    commits: { ok: boolean; pending: number; stalledS: number; maxStallS: number; lastCommitAgeS: number | null };
  };
}

/** What readiness is computed from; the worker supplies it. */
export interface IngestReadinessInput {
  closing: boolean;
  brokerConnected: boolean;
  /** Resolves when the store answers a query (e.g. `SELECT 1`). */
  pingStore: () => Promise<unknown>;
  pending: number;
  stalledS: number;
  lastCommitAgeS: number | undefined;
  maxStallS: number;
}

/** Default seconds messages may wait with no commit before the worker reports `commits_stalled`. */
export const DEFAULT_MAX_STALL_S = 30;
const STORE_CHECK_TIMEOUT_MS = 2000;

async function answersWithin(work: () => Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const answered = work().then(() => true, () => false);
  return Promise.race([answered, late]).finally(() => clearTimeout(timer));
}

const round1 = (seconds: number) => Math.round(seconds * 10) / 10;

/**
 * Whether an ingest worker is doing its job: not stopping, connected to the broker, its store
 * answers within 2 s, and messages it holds do not wait longer than `maxStallS` without a
 * commit (a hung or failing store, or a stuck commit loop).
 * @example await checkIngestReadiness({ closing: false, brokerConnected: true, pingStore, pending: 0, stalledS: 0, lastCommitAgeS: 3, maxStallS: 30 }) // { ready: true, reasons: [], ... }
 */
export async function checkIngestReadiness(input: IngestReadinessInput): Promise<IngestReadiness> {
  const storeOk = await answersWithin(input.pingStore, STORE_CHECK_TIMEOUT_MS);
  const commitsOk = input.stalledS <= input.maxStallS;
  const reasons: IngestNotReadyReason[] = [];
  if (input.closing) reasons.push('shutting_down');
  if (!input.brokerConnected) reasons.push('broker_disconnected');
  if (!storeOk) reasons.push('store_unreachable');
  if (!commitsOk) reasons.push('commits_stalled');
  return {
    ready: reasons.length === 0,
    reasons,
    checks: {
      broker: { ok: input.brokerConnected },
      store: { ok: storeOk },
      commits: {
        ok: commitsOk, pending: input.pending, stalledS: round1(input.stalledS), maxStallS: input.maxStallS,
        lastCommitAgeS: input.lastCommitAgeS === undefined ? null : round1(input.lastCommitAgeS),
      },
    },
  };
}
