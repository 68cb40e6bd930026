import type { Logger } from 'pino';
import type { Db, ReplicaStatus, Store } from '@citytwin/store';
import type { CityAreas } from '../areas/city-areas';
import type { ApiConfig } from '../config/config';

/** The process's shutdown state, shared by the signal handler and the health routes. */
export interface Lifecycle {
  draining: boolean;
}

/** What every route module is given. */
export interface AppContext {
  store: Store;
  /**
   * Where read-only routes send their queries: the store itself, or a read
   * replica when one is configured. Writes always go to `store.db`.
   */
  readDb: Db;
  /** Where reads go and how far the replica is behind, when `readDb` is a replica (DATABASE_READ_URL). */
  replicaStatus?: () => ReplicaStatus;
  config: ApiConfig;
  /** The city's areas (outlines, locator, credits), loaded before the app is built. */
  areas: CityAreas;
  logger: Logger;
  /** Whether MQTT goes through the in-process broker or an external one. */
  broker: 'embedded' | 'external';
  /** The broker this deployment uses, probed by `/api/health/ready`; absent when the process knows none. */
  brokerUrl?: string;
  /** Set while the process shuts down, so readiness turns 503 before the listener closes. */
  lifecycle?: Lifecycle;
  /** Epoch ms now; injected so tests control time. */
  clock: () => number;
  /** Health details of parts running in this process (ingest, simulator). */
  healthDetails?: () => Record<string, unknown>;
  /** The ingest worker running in this process, if any (for `/metrics`). */
  ingest?: { metricsText(): string };
  /** The alert job running in this process, if any (recomputes go through it, one pass at a time). */
  alertJob?: { recompute(fromMs: number, toMs: number): Promise<unknown> };
}

/**
 * What {@link buildApp}'s callers pass: `readDb` defaults to the store, `areas`
 * to those of `config.boundaries`.
 */
export type AppContextInput = Omit<AppContext, 'readDb' | 'areas'> & { readDb?: Db; areas?: CityAreas };

/** Fills in the defaults of an {@link AppContextInput}, given the loaded areas. */
export function completeAppContext(input: AppContextInput, areas: CityAreas): AppContext {
  return { ...input, areas, readDb: input.readDb ?? input.store.db };
}
