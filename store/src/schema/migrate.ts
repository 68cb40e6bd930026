import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from '../backends/db';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
const FILE_NAME = /^(\d{3})-[a-z0-9-]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered `NNN-name.sql` files shipped with the store, in order. */
export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => FILE_NAME.test(name)).sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    const version = Number(FILE_NAME.exec(name)?.[1]);
    if (migrations.some((migration) => migration.version === version)) {
      throw new Error(`two migrations share version ${version}: rename one of them`);
    }
    migrations.push({ version, name, sql: await readFile(`${dir}/${name}`, 'utf8') });
  }
  return migrations;
}

/**
 * Applies the migrations that have not run yet, each in its own transaction,
 * and returns the names applied. Safe to call at every start-up.
 */
export async function applyMigrations(db: Db, migrations?: Migration[]): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version),
  );
  const applied: string[] = [];
  for (const migration of migrations ?? (await loadMigrations())) {
    if (done.has(migration.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    });
    applied.push(migration.name);
  }
  return applied;
}

/**
 * The shipped migrations this database has not recorded as applied (in
 * order); empty when the schema is current. Readiness probes call it.
 */
export async function findPendingMigrations(db: Db, migrations?: Migration[]): Promise<string[]> {
  const [table] = await db.query<{ name: string | null }>("SELECT to_regclass('schema_migrations')::text AS name");
  const rows = table?.name ? await db.query<{ version: number }>('SELECT version FROM schema_migrations') : [];
  const done = new Set(rows.map((row) => row.version));
  return (migrations ?? (await loadMigrations())).filter((migration) => !done.has(migration.version)).map((migration) => migration.name);
}
