import type { Db } from '../backends/db';

/** An API key as stored: never the key itself, only its public id and the hash of its secret. */
export interface StoredApiKey {
  id: string;
  name: string;
  role: string;
  secretSha256: Uint8Array;
  createdAtMs: number;
  revokedAtMs: number | null;
}

/** Stores a new key's id, name, role and secret hash. */
export async function insertApiKey(db: Db, key: { id: string; name: string; role: string; secretSha256: Uint8Array; createdAtMs: number }): Promise<void> {
  await db.query(
    `INSERT INTO api_keys (id, name, role, secret_sha256, created_at) VALUES ($1, $2, $3, decode($4, 'hex'), to_timestamp($5 / 1000.0))`,
    [key.id, key.name, key.role, Buffer.from(key.secretSha256).toString('hex'), key.createdAtMs],
  );
}

const SELECT_KEYS = `SELECT id, name, role, encode(secret_sha256, 'hex') AS hex,
  (extract(epoch FROM created_at) * 1000)::float8 AS "createdAtMs",
  (extract(epoch FROM revoked_at) * 1000)::float8 AS "revokedAtMs" FROM api_keys`;

type KeyRow = Omit<StoredApiKey, 'secretSha256'> & { hex: string };

function keyOfRow({ hex, ...row }: KeyRow): StoredApiKey {
  return { ...row, secretSha256: Buffer.from(hex, 'hex') };
}

/** The key with this public id (revoked or not), or undefined. */
export async function findApiKey(db: Db, id: string): Promise<StoredApiKey | undefined> {
  const rows = await db.query<KeyRow>(`${SELECT_KEYS} WHERE id = $1`, [id]);
  return rows[0] ? keyOfRow(rows[0]) : undefined;
}

/** Every key, oldest first. */
export async function listApiKeys(db: Db): Promise<StoredApiKey[]> {
  return (await db.query<KeyRow>(`${SELECT_KEYS} ORDER BY created_at, id`)).map(keyOfRow);
}

/** Marks a key revoked; false when there is no such key or it was revoked already. */
export async function revokeApiKey(db: Db, id: string, atMs: number): Promise<boolean> {
  const rows = await db.query(`UPDATE api_keys SET revoked_at = to_timestamp($2 / 1000.0) WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [id, atMs]);
  return rows.length > 0;
}
