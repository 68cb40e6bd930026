/** Which kind of database a {@link Db} talks to; reported by `/api/health`. */
export type StoreKind = 'pglite' | 'postgres' | 'timescaledb';

/** Anything that runs parameterised SQL and returns rows as plain objects. */
export interface Queryable {
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs several `;`-separated statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Bulk-loads CSV text (a string, or its UTF-8 bytes) into `table(columns)`
   * with Postgres `COPY ... FROM`, the fastest way into either back end.
   */
  copyCsv(table: string, columns: readonly string[], csv: string | Uint8Array): Promise<void>;
}

/** Receives the payload of each `NOTIFY` on a channel. */
export type NotifyHandler = (payload: string) => void;

export interface ListenOptions {
  /**
   * The listening connection was lost (server restart, network): notifications
   * sent until {@link ListenOptions.onResumed} are missed.
   */
  onLost?: (error: Error) => void;
  /** Listening again after a loss (LISTEN re-issued): catch up on what was missed. */
  onResumed?: () => void;
}

/** One connection (or pool) to the store. */
export interface Db extends Queryable {
  /** The engine underneath: `pglite` or `postgres`; `timescaledb` is decided after feature detection. */
  readonly engine: 'pglite' | 'postgres';
  /** Runs `work` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * `LISTEN channel`: calls `onNotify` with the payload of every `NOTIFY` on
   * it, from any connection of any process on the same database. Resolves
   * once listening (on the server back end: once registered, if the server
   * is unreachable right now; it listens as soon as it is back). The returned
   * function stops listening. Listen on the primary, never on a replica:
   * notifications are not replicated.
   */
  listen(channel: string, onNotify: NotifyHandler, options?: ListenOptions): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Quotes an SQL identifier made of our own constant names. */
export function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`refusing unsafe SQL identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** The `COPY` statement both back ends run (CSV, header-less). */
export function copyStatement(table: string, columns: readonly string[], source: string): string {
  return `COPY ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) FROM ${source} WITH (FORMAT csv)`;
}
