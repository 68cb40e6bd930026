/** Where the signed-in API key is kept: this tab's session only, never the URL. */
const STORAGE_KEY = 'citytwin.apiKey';

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    // Storage can be disabled (privacy settings): then nobody is signed in.
    return undefined;
  }
}

/** The API key of the signed-in user, if any. */
export function readSessionKey(): string | undefined {
  return storage()?.getItem(STORAGE_KEY) ?? undefined;
}

/** Signs in (keeps `key` for this tab's session) or, with undefined, signs out. */
export function writeSessionKey(key: string | undefined): void {
  if (key) storage()?.setItem(STORAGE_KEY, key);
  else storage()?.removeItem(STORAGE_KEY);
}

/** The request headers that carry the signed-in key (`Authorization: Bearer ...`), or none. */
export function authorizationHeaders(): Record<string, string> {
  const key = readSessionKey();
  return key ? { authorization: `Bearer ${key}` } : {};
}
