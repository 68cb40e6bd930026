/** Who a caller is, from their API key; `anonymous` sees aggregates only. */
export const ROLES = ['admin', 'operator', 'planner', 'open311'] as const;
export type Role = (typeof ROLES)[number];
export type Caller = Role | 'anonymous';

export class ApiKeysError extends Error {}

/**
 * Parses `API_KEYS="key=role,key=role"`.
 * @example parseApiKeys('k1=admin,k2=planner') // Map { 'k1' => 'admin', 'k2' => 'planner' }
 */
export function parseApiKeys(text: string | undefined): Map<string, Role> {
  const keys = new Map<string, Role>();
  for (const entry of (text ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const [key, role, ...rest] = entry.split('=').map((part) => part.trim());
    if (!key || !role || rest.length > 0) throw new ApiKeysError(`API_KEYS entry "${entry}" is not key=role`);
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new ApiKeysError(`API_KEYS entry for key "${key.slice(0, 4)}…" has role "${role}"; roles are ${ROLES.join(', ')}`);
    }
    if (keys.has(key)) throw new ApiKeysError(`API_KEYS lists the same key twice`);
    keys.set(key, role as Role);
  }
  return keys;
}
