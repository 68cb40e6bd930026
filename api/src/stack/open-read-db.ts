import type { Logger } from 'pino';
import { openReadReplica, type ReadReplicaDb, type Store } from '@citytwin/store';
import type { ApiConfig } from '../config/config';

/**
 * The replica the read-only routes use when DATABASE_READ_URL is set
 * (undefined otherwise: they read the store). Logs each switch between
 * replica and primary.
 */
export function openReadDb(config: ApiConfig, store: Store, logger: Logger): ReadReplicaDb | undefined {
  if (!config.databaseReadUrl) return undefined;
  return openReadReplica({
    primary: store.db, replicaUrl: config.databaseReadUrl, maxLagSeconds: config.readReplicaMaxLagSeconds,
    onChange: (status) => {
      if (status.serving === 'replica') logger.info({ lagSeconds: status.lagSeconds }, 'reads go to the replica');
      else logger.warn({ reason: status.reason, lagSeconds: status.lagSeconds }, 'replica cannot serve: reads go to the primary');
    },
  });
}

/** The context fields of a read replica, to spread into `buildApp`'s input. */
export function readReplicaContext(replica: ReadReplicaDb | undefined): { readDb?: ReadReplicaDb; replicaStatus?: () => ReturnType<ReadReplicaDb['status']> } {
  return replica ? { readDb: replica, replicaStatus: () => replica.status() } : {};
}
