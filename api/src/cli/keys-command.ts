import { parseArgs } from 'node:util';
import { insertApiKey, listApiKeys, revokeApiKey, type Db } from '@citytwin/store';
import { makeApiKey } from '../auth/api-key-secret';
import { ROLES, type Role } from '../auth/roles';

export const KEYS_HELP = `Usage: pnpm twin keys <add|list|revoke>

  keys add --role <role> --name <text>   makes a key, prints it once (only its hash is stored)
  keys list                              id, role, name, created, revoked (never the key)
  keys revoke <id>                       the key stops working at once

Roles: ${ROLES.join(', ')}. The store is the one the API uses (DATABASE_URL, or DATA_DIR for embedded PGlite).
Callers send the key as "Authorization: Bearer <key>" (Open311 clients: api_key=<key>).
`;

/** A bad `keys` command line; exit code 2. */
export class KeysUsageError extends Error {}

export interface KeysIo {
  stdout: { write(text: string): unknown };
}

function isoOf(ms: number | null): string {
  return ms === null ? '-' : new Date(ms).toISOString();
}

async function addKey(db: Db, argv: string[], io: KeysIo, nowMs: number): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { role: { type: 'string' }, name: { type: 'string' } }, strict: true });
  const role = values.role;
  if (!role || !(ROLES as readonly string[]).includes(role)) throw new KeysUsageError(`--role must be one of ${ROLES.join(', ')}`);
  const name = values.name?.trim();
  if (!name) throw new KeysUsageError('--name is required (who or what the key is for)');
  const made = makeApiKey();
  await insertApiKey(db, { id: made.id, name, role: role as Role, secretSha256: made.secretSha256, createdAtMs: nowMs });
  io.stdout.write(`${made.key}\nkey ${made.id} (${role}, ${name}) stored; the key above is not kept anywhere, copy it now\n`);
}

async function listKeys(db: Db, io: KeysIo): Promise<void> {
  const keys = await listApiKeys(db);
  io.stdout.write('id        role      created                   revoked                   name\n');
  for (const key of keys) {
    io.stdout.write(`${key.id}  ${key.role.padEnd(8)}  ${isoOf(key.createdAtMs).padEnd(24)}  ${isoOf(key.revokedAtMs).padEnd(24)}  ${key.name}\n`);
  }
}

async function revokeKey(db: Db, argv: string[], io: KeysIo, nowMs: number): Promise<void> {
  const { positionals } = parseArgs({ args: argv, options: {}, strict: true, allowPositionals: true });
  if (positionals.length !== 1) throw new KeysUsageError('keys revoke takes one key id (see keys list)');
  const id = positionals[0]!;
  if (!(await revokeApiKey(db, id, nowMs))) throw new KeysUsageError(`no active key with id ${id}`);
  io.stdout.write(`key ${id} revoked\n`);
}

/**
 * `twin keys add|list|revoke` over an open store.
 * @throws KeysUsageError for a bad command line or an unknown key id.
 */
export async function runKeysCommand(db: Db, argv: string[], io: KeysIo, clock: () => number = Date.now): Promise<void> {
  const [action, ...rest] = argv;
  try {
    if (action === 'add') return await addKey(db, rest, io, clock());
    if (action === 'list') return await listKeys(db, io);
    if (action === 'revoke') return await revokeKey(db, rest, io, clock());
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw new KeysUsageError((error as Error).message.split('\n')[0]!);
    throw error;
  }
  throw new KeysUsageError(`unknown keys action "${action ?? ''}" (add, list or revoke)`);
}
