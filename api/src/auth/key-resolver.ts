import { createHash } from 'node:crypto';
import { findApiKey, type Db } from '@citytwin/store';
import { secretMatches, splitApiKey } from './api-key-secret';
import { ROLES, type Role } from './roles';

/** Who a presented key belongs to: its role, and the id its rate limit is counted under. */
export interface KeyHolder {
  role: Role;
  /** The stored key's public id, or `dev:<hash prefix>` for an `API_KEYS` key. */
  keyId: string;
}

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Resolves presented keys: stored keys (`ct_<id>_<secret>`, hashed at rest, see
 * `twin keys`) by id and constant-time hash comparison; the development keys of
 * `API_KEYS` by the SHA-256 of the key, so no plain key is held in memory longer than boot.
 */
export function keyResolver(db: Db, devKeys: ReadonlyMap<string, Role>): (key: string) => Promise<KeyHolder | undefined> {
  const devByDigest = new Map([...devKeys].map(([key, role]) => [digest(key), role]));
  return async (key) => {
    const stored = splitApiKey(key);
    if (stored) {
      const row = await findApiKey(db, stored.id);
      if (!row || row.revokedAtMs !== null || !secretMatches(stored.secret, row.secretSha256)) return undefined;
      if (!(ROLES as readonly string[]).includes(row.role)) return undefined;
      return { role: row.role as Role, keyId: row.id };
    }
    const hash = digest(key);
    const role = devByDigest.get(hash);
    return role ? { role, keyId: `dev:${hash.slice(0, 12)}` } : undefined;
  };
}
