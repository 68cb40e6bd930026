import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../scripts/ensure-replica.sh', import.meta.url));
const BIN = '/usr/lib/postgresql/15/bin';

/** Port of the streaming replica of the local test server (test/scripts/ensure-replica.sh). */
export const REPLICA_PORT = Number(process.env['REPLICA_PORT'] ?? 5442);
const REPLICA_DIR = process.env['REPLICA_DIR'] ?? `/var/lib/postgresql/citytwin-replica-${REPLICA_PORT}`;

/** Makes the replica stream (starting or making it as needed); fast when it already does. */
export async function ensureReplica(): Promise<void> {
  await run('bash', [SCRIPT], { env: { ...process.env, REPLICA_PORT: String(REPLICA_PORT) }, timeout: 600_000 });
}

/** Stops the replica server (a fast shutdown: clients are disconnected). */
export async function stopReplica(): Promise<void> {
  const args = ['-D', `${REPLICA_DIR}/data`, '-m', 'fast', '-w', 'stop'];
  if (userInfo().uid === 0) await run('runuser', ['-u', 'postgres', '--', `${BIN}/pg_ctl`, ...args]);
  else await run(`${BIN}/pg_ctl`, args);
}

/** `url` (a database on the primary) as the same database on the replica. */
export function onReplica(url: string): string {
  const replica = new URL(url);
  replica.port = String(REPLICA_PORT);
  return replica.toString();
}

/** Runs one statement on the replica as the superuser (pause and resume WAL replay). */
export async function onReplicaRun(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: onReplica(url) });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
