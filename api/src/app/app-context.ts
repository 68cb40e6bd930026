import type { Logger } from 'pino';
import type { Db, Store } from '@citytwin/store';
import type { ApiConfig } from '../config/config';

/** What every route module is given. */
export interface AppContext {
  store: Store;
  /**
   * Where read-only routes send their queries: the store itself, or a read
   * replica when one is configured. Writes always go to `store.db`.
   */
  readDb: Db;
  config: ApiConfig;
  logger: Logger;
  /** Whether MQTT goes through the in-process broker or an external one. */
  broker: 'embedded' | 'external';
  /** Epoch ms now; injected so tests control time. */
  clock: () => number;
  /** Health details of parts running in this process (ingest, simulator). */
  healthDetails?: () => Record<string, unknown>;
  /** The ingest worker running in this process, if any (for `/metrics`). */
  ingest?: { metricsText(): string };
}

/** What {@link buildApp}'s callers pass: `readDb` defaults to the store. */
export type AppContextInput = Omit<AppContext, 'readDb'> & { readDb?: Db };

/** Fills in the defaults of an {@link AppContextInput}. */
export function completeAppContext(input: AppContextInput): AppContext {
  return { ...input, readDb: input.readDb ?? input.store.db };
}
