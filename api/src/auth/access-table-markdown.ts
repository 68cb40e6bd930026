import { ROLES } from './roles';
import { anonymousRefusal, ROUTE_ACCESS, type RouteAccess } from './route-access';

/** The callers of the authorisation matrix: anonymous and every role. */
export const CALLERS = ['anonymous', ...ROLES] as const;
export type MatrixCaller = (typeof CALLERS)[number];

/** What a caller gets from a route: `allowed`, or the refusal status. */
export function expectedOutcome(access: RouteAccess, url: string, caller: MatrixCaller): 'allowed' | 401 | 403 {
  if ('public' in access) return 'allowed';
  if (caller === 'anonymous') return anonymousRefusal(url);
  return access.roles.includes(caller) ? 'allowed' : 403;
}

/** {@link ROUTE_ACCESS} as the Markdown table of api/docs/security.md. */
export function renderAccessTable(): string {
  const lines = [`| route | ${CALLERS.join(' | ')} | what |`, `|---|${CALLERS.map(() => '---').join('|')}|---|`];
  for (const [key, access] of Object.entries(ROUTE_ACCESS)) {
    const url = key.slice(key.indexOf(' ') + 1);
    const cells = CALLERS.map((caller) => {
      const outcome = expectedOutcome(access, url, caller);
      return outcome === 'allowed' ? 'yes' : String(outcome);
    });
    lines.push(`| \`${key}\` | ${cells.join(' | ')} | ${access.note}${access.onlyWhen ? ` (only when ${access.onlyWhen})` : ''} |`);
  }
  return lines.join('\n');
}
