import type { Logger } from 'pino';
import type { Store } from '@citytwin/store';
import type { ApiConfig } from '../config/config';

/** What every route module is given. */
export interface AppContext {
  store: Store;
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
