import { PGlite, type PGliteOptions, type Transaction } from '@electric-sql/pglite';
import { copyStatement, type Db, type Queryable } from './db';

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

/** Opens an embedded PGlite database (in memory, or persisted under `dataDir`). */
export async function openPGliteDb(options: PGliteDbOptions = {}): Promise<Db> {
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
    close: () => pg.close(),
  };
}
