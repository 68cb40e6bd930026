import { readdir } from 'node:fs/promises';
import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { copyStatement, quoteIdentifier, type Db, type Queryable } from './db';

/** The constructor of PGlite or of a PGlite build with extra extensions. */
export type PGliteConstructor = new (options?: PGliteOptions) => PGlite;

export interface PGliteDbOptions {
  /** Folder to persist to; undefined keeps the database in memory. */
  dataDir?: string;
  /** Another PGlite build (tests pass the TimescaleDB one). */
  PGliteClass?: PGliteConstructor;
  extensions?: PGliteOptions['extensions'];
}

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query(sql, params = []) {
      const result = await target.query(sql, params as unknown[]);
      return result.rows as never;
    },
    async exec(sql) {
      await target.exec(sql);
    },
    async copyCsv(table, columns, csv) {
      await target.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
    },
  };
}

/** The data folder holds something other than a database; PGlite would only say "exit(1)". */
export class DataDirError extends Error {}

async function checkDataDir(dataDir: string): Promise<void> {
  const entries = await readdir(dataDir).catch(() => [] as string[]);
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw new DataDirError(`DATA_DIR ${dataDir} holds files but no database; point DATA_DIR at an empty folder or at an earlier CityTwin data folder`);
  }
}

/** Opens an embedded PGlite database (in memory, or persisted under `dataDir`). */
export async function openPGliteDb(options: PGliteDbOptions = {}): Promise<Db> {
  if (options.dataDir) await checkDataDir(options.dataDir);
  const Constructor = options.PGliteClass ?? PGlite;
  const pg = new Constructor({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.extensions ? { extensions: options.extensions } : {}),
  });
  await pg.waitReady;
  // PGlite runs one statement at a time; queueing transactions keeps them from interleaving.
  return {
    engine: 'pglite',
    ...wrap(pg),
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    // In-process: notifications never get lost, so onLost / onResumed never fire.
    async listen(channel, onNotify) {
      quoteIdentifier(channel);
      const unlisten = await pg.listen(channel, onNotify);
      return async () => {
        if (!pg.closed) await unlisten();
      };
    },
    close: () => pg.close(),
  };
}
