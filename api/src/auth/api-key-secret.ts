import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `ct_<id>_<secret>`: 8 hex digits of public id, 43 base64url characters of 32 random bytes. */
const KEY_FORMAT = /^ct_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

/** A freshly made key: `key` is shown once; only `id` and `secretSha256` are stored. */
export interface NewApiKey {
  key: string;
  id: string;
  secretSha256: Buffer;
}

/**
 * SHA-256 of the key's secret. The secret is 256 random bits, so a fast hash is
 * enough (no dictionary to guess from); a salt or a slow KDF would only slow every request.
 */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/**
 * Makes a new random key.
 * @example makeApiKey().key // 'ct_1f3a9c0e_Qm9…' (the id before the second underscore is public)
 */
export function makeApiKey(): NewApiKey {
  const id = randomBytes(4).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { key: `ct_${id}_${secret}`, id, secretSha256: hashSecret(secret) };
}

/** The id and secret of a key in the stored-key format, or undefined for any other text. */
export function splitApiKey(key: string): { id: string; secret: string } | undefined {
  const match = KEY_FORMAT.exec(key);
  return match ? { id: match[1]!, secret: match[2]! } : undefined;
}

/** Whether `secret` hashes to `expectedSha256`, compared in constant time. */
export function secretMatches(secret: string, expectedSha256: Uint8Array): boolean {
  const actual = hashSecret(secret);
  return actual.length === expectedSha256.length && timingSafeEqual(actual, expectedSha256);
}
