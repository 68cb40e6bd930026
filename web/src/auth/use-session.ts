import { useEffect, useState } from 'react';
import { ApiRequestError, fetchJson } from '../api/fetch-json';
import { readSessionKey, writeSessionKey } from './session-key';

/** Roles as the api names them; `anonymous` without a key. */
export type Role = 'anonymous' | 'planner' | 'operator' | 'admin' | 'open311';

/** Roles that may read single appeals and lists (api/docs/appeals.md). */
const APPEAL_READERS: readonly Role[] = ['planner', 'operator', 'admin'];

export function mayReadAppeals(role: Role): boolean {
  return APPEAL_READERS.includes(role);
}

export interface Session {
  role: Role;
  /** Why the last sign-in failed, as a message key. */
  failure: string | undefined;
  signIn(key: string): Promise<void>;
  signOut(): void;
}

/**
 * Who is looking: the role of the key kept in `sessionStorage` (never in the
 * URL). Signing in or out reloads the page, so every request is asked again
 * with the new key and nothing a role may not see stays on screen.
 */
export function useSession(): Session {
  const [role, setRole] = useState<Role>('anonymous');
  const [failure, setFailure] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!readSessionKey()) return;
    fetchJson<{ role: Role }>('/api/whoami').then(
      (answer) => setRole(answer.role),
      (error: unknown) => {
        if (error instanceof ApiRequestError && error.status === 401) {
          writeSessionKey(undefined);
          setFailure('auth.unknownKey');
        }
      },
    );
  }, []);
  return {
    role, failure,
    signIn: async (key) => {
      writeSessionKey(key.trim());
      try {
        await fetchJson<{ role: Role }>('/api/whoami');
        window.location.reload();
      } catch (error) {
        writeSessionKey(undefined);
        setFailure(error instanceof ApiRequestError && error.status === 401 ? 'auth.unknownKey' : 'auth.noServer');
      }
    },
    signOut: () => {
      writeSessionKey(undefined);
      window.location.reload();
    },
  };
}
