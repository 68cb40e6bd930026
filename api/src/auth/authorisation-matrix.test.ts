import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_PREFIX } from '../reference/api-reference';
import { openTestApp, type TestApp } from '../testing/test-app';
import { routeRequests } from '../testing/route-requests';
import { CALLERS, expectedOutcome, renderAccessTable, type MatrixCaller } from './access-table-markdown';
import { ROUTE_ACCESS } from './route-access';

const SECURITY_DOC = fileURLToPath(new URL('../../docs/security.md', import.meta.url));
const TABLE_START = '<!-- access-table:start (generated from api/src/auth/route-access.ts; UPDATE_DOCS=1 rewrites it) -->';
const TABLE_END = '<!-- access-table:end -->';
const KEYS: Record<Exclude<MatrixCaller, 'anonymous'>, string> = { admin: 'key-admin', operator: 'key-operator', planner: 'key-planner', open311: 'key-open311' };

describe('authorisation matrix: every route x every role x anonymous', () => {
  let t: TestApp;
  beforeAll(async () => {
    const apiKeys = Object.entries(KEYS).map(([role, key]) => `${key}=${role}`).join(',');
    t = await openTestApp({ env: { API_KEYS: apiKeys, RATE_LIMIT_ANONYMOUS: '100000', RATE_LIMIT_KEYED: '100000' } });
  });
  afterAll(async () => t.close());

  // The reference page's own files (Swagger UI) are public static assets under one prefix.
  const requests = () => routeRequests(t.app.routeCatalogue, { includeHidden: true }).filter((request) => !request.route.startsWith(`${REFERENCE_PREFIX}/`));

  it('has every registered route in the table, and no route the app does not have', () => {
    const keys = requests().map((request) => request.key);
    expect(keys.filter((key) => !ROUTE_ACCESS[key])).toEqual([]);
    expect(Object.entries(ROUTE_ACCESS).filter(([key, access]) => !access.onlyWhen && !keys.includes(key)).map(([key]) => key)).toEqual([]);
  });

  it('allows or refuses each caller exactly as the table says', async () => {
    const wrong: string[] = [];
    let cells = 0;
    for (const request of requests()) {
      const access = ROUTE_ACCESS[request.key];
      if (!access) continue;
      for (const caller of CALLERS) {
        const headers = caller === 'anonymous' ? {} : { authorization: `Bearer ${KEYS[caller]}` };
        const response = await t.app.inject({ method: request.method as 'GET', url: request.url, headers, ...(request.method === 'POST' ? { payload: {} } : {}) });
        const expected = expectedOutcome(access, request.route, caller);
        const ok = expected === 'allowed' ? response.statusCode !== 401 && response.statusCode !== 403 : response.statusCode === expected;
        if (!ok) wrong.push(`${request.key} as ${caller}: expected ${expected}, got ${response.statusCode}`);
        cells += 1;
      }
    }
    console.log(`authorisation matrix: ${requests().length} routes x ${CALLERS.length} callers = ${cells} cells`);
    expect(wrong).toEqual([]);
  });

  it('is the table printed in api/docs/security.md', async () => {
    const doc = await readFile(SECURITY_DOC, 'utf8');
    const start = doc.indexOf(TABLE_START);
    const end = doc.indexOf(TABLE_END);
    expect(start, `${SECURITY_DOC} lacks the table markers`).toBeGreaterThanOrEqual(0);
    const printed = doc.slice(start + TABLE_START.length, end).trim();
    if (process.env['UPDATE_DOCS'] === '1' && printed !== renderAccessTable()) {
      await writeFile(SECURITY_DOC, `${doc.slice(0, start + TABLE_START.length)}\n${renderAccessTable()}\n${doc.slice(end)}`);
      return;
    }
    expect(printed, 'run with UPDATE_DOCS=1 to print the table into the doc').toBe(renderAccessTable());
  });
});
