import type { Db, StoreKind } from './backends/db';
import { openPGliteDb, type PGliteDbOptions } from './backends/pglite-db';
import { openPostgresDb } from './backends/postgres-db';
import { applyMigrations } from './schema/migrate';
import { DEFAULT_TIMESCALE_SETTINGS, enableTimescale, isTimescaleAvailable, type TimescaleSettings } from './schema/timescale';

export interface StoreOptions {
  /** A Postgres URL; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Where embedded PGlite persists; absent keeps it in memory. */
  dataDir?: string;
  /** Another PGlite build (the TimescaleDB one in tests). */
  pglite?: Omit<PGliteDbOptions, 'dataDir'>;
  timescale?: TimescaleSettings;
  maxConnections?: number;
}

/** An open, migrated store and what it runs on. */
export interface Store {
  db: Db;
  kind: StoreKind;
  /** Migrations applied by this start-up (empty when the schema was current). */
  applied: string[];
  close(): Promise<void>;
}

/**
 * Opens the database, brings the schema up to date and switches on TimescaleDB
 * when the server offers it.
 * @example const store = await openStore({ dataDir: './.citytwin/data' });
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const db = options.databaseUrl
    ? await openPostgresDb({ connectionString: options.databaseUrl, maxConnections: options.maxConnections ?? 8 })
    : await openPGliteDb({ ...options.pglite, ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  try {
    const applied = await applyMigrations(db);
    let kind: StoreKind = db.engine;
    if (await isTimescaleAvailable(db)) {
      await enableTimescale(db, options.timescale ?? DEFAULT_TIMESCALE_SETTINGS);
      kind = 'timescaledb';
    }
    return { db, kind, applied, close: () => db.close() };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
