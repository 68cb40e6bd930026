import pg from 'pg';
import type { Db } from './db';

/** Why reads go to the primary instead of the replica. */
export type ReplicaFallbackReason = 'unreachable' | 'lagging';

/** What the last check found; `/api/health` shows it. */
export interface ReplicaStatus {
  /** Where read-only queries go now. */
  serving: 'replica' | 'primary';
  reachable: boolean;
  /** Seconds between the newest transaction the primary sent and the one the replica has applied (0 when caught up); null when unknown. */
  lagSeconds: number | null;
  /** WAL bytes the replica has not yet applied, measured on the primary; null when unknown. */
  lagBytes: number | null;
  maxLagSeconds: number;
  reason: ReplicaFallbackReason | null;
  /** Epoch ms of the last check (0 before the first). */
  checkedAtMs: number;
}

export interface ReadReplicaOptions {
  /** The primary: writes always, and reads whenever the replica cannot serve. */
  primary: Db;
  replicaUrl: string;
  /** Beyond this lag reads go to the primary (READ_REPLICA_MAX_LAG_S, default 30). */
  maxLagSeconds?: number;
  checkIntervalMs?: number;
  maxConnections?: number;
  /** Called when `serving` changes, for the log. */
  onChange?: (status: ReplicaStatus) => void;
}

/** A {@link Db} whose reads go to a replica while it is reachable and caught up. */
export interface ReadReplicaDb extends Db {
  status(): ReplicaStatus;
  /** Checks now (tests and the health route need not wait for the timer). */
  check(): Promise<ReplicaStatus>;
}

// Zero while everything received is applied; otherwise the age of the last applied transaction.
const REPLICA_LAG_SQL = `SELECT pg_last_wal_replay_lsn()::text AS replay_lsn,
  CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
       ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS lag_s`;

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  // Node socket errors, and SQLSTATE classes 08 (connection) and 57P (server shutting down / starting up).
  return /^(E[A-Z]+|08...|57P0.)$/.test(code) || /timeout|terminated|Connection/i.test(String((error as Error).message));
}

/**
 * Sends read-only queries to a streaming replica and falls back to the
 * primary while the replica is down (at once, on the failed query itself) or
 * more than `maxLagSeconds` behind (at the next check). Writes, transactions,
 * COPY and LISTEN always use the primary. The pool is opened lazily, so the
 * API starts even while the replica is down.
 */
export function openReadReplica(options: ReadReplicaOptions): ReadReplicaDb {
  const { primary } = options;
  const maxLagSeconds = options.maxLagSeconds ?? 30;
  const pool = new pg.Pool({ connectionString: options.replicaUrl, max: options.maxConnections ?? 8, connectionTimeoutMillis: 2000 });
  pool.on('error', () => undefined);
  let status: ReplicaStatus = { serving: 'primary', reachable: false, lagSeconds: null, lagBytes: null, maxLagSeconds, reason: 'unreachable', checkedAtMs: 0 };
  const update = (next: Omit<ReplicaStatus, 'maxLagSeconds' | 'checkedAtMs'>) => {
    const changed = next.serving !== status.serving;
    status = { ...next, maxLagSeconds, checkedAtMs: Date.now() };
    if (changed) options.onChange?.(status);
    return status;
  };
  const markUnreachable = () => update({ serving: 'primary', reachable: false, lagSeconds: null, lagBytes: null, reason: 'unreachable' });

  const check = async (): Promise<ReplicaStatus> => {
    let row: { replay_lsn: string | null; lag_s: number | null } | undefined;
    try {
      row = (await pool.query<{ replay_lsn: string | null; lag_s: number | null }>(REPLICA_LAG_SQL)).rows[0];
    } catch {
      return markUnreachable();
    }
    const lagBytes = row?.replay_lsn
      ? await primary.query<{ bytes: number }>('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::float8 AS bytes', [row.replay_lsn]).then((rows) => Math.max(0, rows[0]?.bytes ?? 0), () => null)
      : null;
    const lagSeconds = row?.lag_s ?? null;
    // Unknown lag with WAL waiting (nothing applied since the replica started) counts as too far behind.
    const lagging = lagSeconds === null ? (lagBytes ?? 1) > 0 : lagSeconds > maxLagSeconds;
    return update({ serving: lagging ? 'primary' : 'replica', reachable: true, lagSeconds, lagBytes, reason: lagging ? 'lagging' : null });
  };
  const timer = setInterval(() => void check(), options.checkIntervalMs ?? 2000);
  timer.unref();
  void check();

  return {
    engine: 'postgres',
    async query(sql, params = []) {
      if (status.serving === 'primary') return primary.query(sql, params);
      try {
        return (await pool.query(sql, params as unknown[])).rows;
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        markUnreachable();
        return primary.query(sql, params);
      }
    },
    exec: (sql) => primary.exec(sql),
    copyCsv: (table, columns, csv) => primary.copyCsv(table, columns, csv),
    transaction: (work) => primary.transaction(work),
    listen: (channel, onNotify, listenOptions) => primary.listen(channel, onNotify, listenOptions),
    status: () => status,
    check,
    async close() {
      clearInterval(timer);
      await pool.end();
    },
  };
}
