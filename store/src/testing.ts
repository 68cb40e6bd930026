import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from './open-store';

/** The three back ends every store test runs against. */
export const TEST_BACKENDS = ['pglite', 'postgres', 'timescaledb'] as const;
export type TestBackend = (typeof TEST_BACKENDS)[number];

/** Server used by tests; CI starts it. Override with TEST_DATABASE_URL. */
export const TEST_SERVER_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh, migrated store on `backend`: an in-memory PGlite, a new database on
 * the test server (dropped on close, so parallel test files never collide), or
 * the TimescaleDB build of PGlite.
 */
export async function openTestStore(backend: TestBackend): Promise<Store> {
  if (backend === 'pglite') return openStore();
  if (backend === 'timescaledb') {
    const { PGlite } = await import('pglite-timescale');
    const { timescaledb } = await import('pglite-timescale/timescaledb');
    return openStore({ pglite: { PGliteClass: PGlite as never, extensions: { timescaledb } as never } });
  }
  const database = await createTestDatabase();
  const store = await openStore({ databaseUrl: database.url, maxConnections: 4 });
  return {
    ...store,
    async close() {
      await store.close();
      await database.drop();
    },
  };
}

/** A new empty database on a Postgres server (the test server by default), and how to drop it. */
export async function createTestDatabase(serverUrl: string = TEST_SERVER_URL): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `citytwin_test_${randomBytes(6).toString('hex')}`;
  await runOnServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => runOnServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function runOnServer(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
