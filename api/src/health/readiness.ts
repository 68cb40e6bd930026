import { findPendingMigrations, type ReplicaStatus } from '@citytwin/store';
import type { AppContext } from '../app/app-context';
import { probeTcp } from './tcp-probe';

/** Why an instance is not ready; stable codes for load balancers and runbooks. */
export type NotReadyReason = 'shutting_down' | 'store_unreachable' | 'migrations_pending' | 'broker_unreachable';

export interface Readiness {
  ready: boolean;
  reasons: NotReadyReason[];
  checks: {
    store: { ok: boolean };
    migrations: { ok: boolean; pending: string[] };
    /** `configured: false` when this process talks to no broker (the API alone without MQTT_URL). */
    broker: { ok: boolean; configured: boolean };
    /** Shown, never a reason: while the replica cannot serve, reads go to the primary. */
    readReplica?: ReplicaStatus;
  };
}

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), CHECK_TIMEOUT_MS)));
  return Promise.race([work.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

/**
 * Whether this instance should receive traffic: not shutting down, the store
 * answers, every shipped migration is applied and the broker accepts
 * connections. Each check is bounded by {@link CHECK_TIMEOUT_MS}.
 */
export async function checkReadiness(context: AppContext): Promise<Readiness> {
  const [storeOk, pending, brokerOk] = await Promise.all([
    withTimeout(context.store.db.query('SELECT 1').then(() => true), false),
    withTimeout(findPendingMigrations(context.store.db), null),
    context.brokerUrl ? probeTcp(context.brokerUrl, CHECK_TIMEOUT_MS) : Promise.resolve(true),
  ]);
  const reasons: NotReadyReason[] = [];
  if (context.lifecycle?.draining) reasons.push('shutting_down');
  if (!storeOk) reasons.push('store_unreachable');
  // An unreachable store cannot say which migrations ran; that is one reason, not two.
  if (storeOk && (pending === null || pending.length > 0)) reasons.push('migrations_pending');
  if (!brokerOk) reasons.push('broker_unreachable');
  return {
    ready: reasons.length === 0,
    reasons,
    checks: {
      store: { ok: storeOk },
      migrations: { ok: storeOk && pending !== null && pending.length === 0, pending: pending ?? [] },
      broker: { ok: brokerOk, configured: context.brokerUrl !== undefined },
      ...(context.replicaStatus ? { readReplica: context.replicaStatus() } : {}),
    },
  };
}
