import type { Logger } from 'pino';
import type { Db, Store } from '@citytwin/store';
import type { CityAreas } from '../areas/city-areas';
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
  /** The city's areas (outlines, locator, credits), loaded before the app is built. */
  areas: CityAreas;
  logger: Logger;
  /** Whether MQTT goes through the in-process broker or an external one. */
  broker: 'embedded' | 'external';
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
