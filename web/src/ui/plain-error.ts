/**
 * The message key that says in plain words why something is not shown:
 * sign in (401), the role may not see it (403), this server does not offer
 * it yet (404), the server is not answering (network), or a server error.
 * @example plainErrorKey(403) // 'error.forbidden'
 */
export function plainErrorKey(status: number | undefined): string {
  if (status === 401) return 'error.signIn';
  if (status === 403) return 'error.forbidden';
  if (status === 404) return 'state.notAvailable';
  if (status === 0 || status === undefined) return 'error.network';
  return 'error.server';
}
