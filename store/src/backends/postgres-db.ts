import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyStatement, type Db, type Queryable } from './db';
import { PostgresListener } from './postgres-listener';

export interface PostgresDbOptions {
  connectionString: string;
  /** Pool size; ingest and api each keep their own pool. */
  maxConnections?: number;
}

function wrap(client: pg.Pool | pg.PoolClient, copyClient: () => Promise<[pg.PoolClient, boolean]>): Queryable {
  return {
    async query(sql, params = []) {
      const result = await client.query(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql) {
      await client.query(sql);
    },
    async copyCsv(table, columns, csv) {
      const [connection, release] = await copyClient();
      try {
        const sink = connection.query(copyFrom(copyStatement(table, columns, 'STDIN')));
        await pipeline(Readable.from([csv]), sink);
      } finally {
        if (release) connection.release();
      }
    },
  };
}

/** Connects to a Postgres (or TimescaleDB) server through a `pg` pool. */
export async function openPostgresDb(options: PostgresDbOptions): Promise<Db> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 8 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const probe = await pool.connect();
  probe.release();
  let listener: PostgresListener | undefined;
  return {
    engine: 'postgres',
    ...wrap(pool, async () => [await pool.connect(), true]),
    async transaction(work) {
      const client = await pool.connect();
      // A server restart mid-transaction must fail the query, not crash the process with an unhandled 'error'.
      const ignore = () => undefined;
      client.on('error', ignore);
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client, async () => [client, false]));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.off('error', ignore);
        client.release();
      }
    },
    listen: (channel, onNotify, listenOptions) => (listener ??= new PostgresListener(options.connectionString)).listen(channel, onNotify, listenOptions),
    async close() {
      await listener?.close();
      await pool.end();
    },
  };
}
