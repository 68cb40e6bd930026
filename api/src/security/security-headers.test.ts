import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicyFor } from './content-security-policy';
import { openTestApp, type TestApp } from '../testing/test-app';
import { routeRequests } from '../testing/route-requests';

const REQUIRED_HEADERS = ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy'];

function missingHeaders(headers: Record<string, unknown>): string[] {
  return REQUIRED_HEADERS.filter((name) => headers[name] === undefined);
}

describe('security headers, CORS and body limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ env: { API_KEYS: 'op=operator' } });
  });
  afterAll(async () => t.close());

  it('sends the security headers from every registered route, on success and on refusal', async () => {
    const requests = routeRequests(t.app.routeCatalogue, { includeHidden: true }).filter((request) => !request.websocket);
    expect(requests.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const request of requests) {
      for (const headers of [{}, { authorization: 'Bearer op' }]) {
        const response = await t.app.inject({ method: request.method as 'GET', url: request.url, headers, ...(request.method === 'POST' ? { payload: {} } : {}) });
        const missing = missingHeaders(response.headers);
        if (missing.length > 0) failures.push(`${request.key} (${response.statusCode}): ${missing.join(', ')}`);
      }
    }
    const notFound = await t.app.inject({ url: '/no/such/route' });
    if (missingHeaders(notFound.headers).length > 0) failures.push('404');
    expect(failures).toEqual([]);
  });

  it('allows no frames, no inline script and no other origin in the policy', async () => {
    const policy = String((await t.app.inject({ url: '/api/health' })).headers['content-security-policy']);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it('lets the page fetch a remote basemap from its origin only', () => {
    const policy = contentSecurityPolicyFor('https://tiles.example.org/styles/city.json');
    expect(policy['connect-src']).toEqual(["'self'", 'https://tiles.example.org']);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(contentSecurityPolicyFor(undefined)['connect-src']).toEqual(["'self'"]);
  });

  it('keeps CORS closed by default', async () => {
    const response = await t.app.inject({ url: '/api/health', headers: { origin: 'https://elsewhere.example' } });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('opens CORS to the origins of CORS_ORIGINS only', async () => {
    const open = await openTestApp({ env: { CORS_ORIGINS: 'https://dashboard.example.org' } });
    try {
      const allowed = await open.app.inject({ url: '/api/health', headers: { origin: 'https://dashboard.example.org' } });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://dashboard.example.org');
      const other = await open.app.inject({ url: '/api/health', headers: { origin: 'https://elsewhere.example' } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await open.close();
    }
  });

  it('refuses a body over the route limit with 413 and takes a large import', async () => {
    const big = { category: 'noise', lat: 39.9, lng: 116.4, description: 'x'.repeat(100 * 1024) };
    const refused = await t.app.inject({ method: 'POST', url: '/api/appeals', headers: { authorization: 'Bearer op' }, payload: big });
    expect(refused.statusCode).toBe(413);
    expect(refused.json().code).toBe('CT_ERR_PAYLOAD_TOO_LARGE');
    const rows = Array.from({ length: 4000 }, (_, i) => ({ externalId: `big-${i}`, category: 'noise', lat: 39.9, lng: 116.4, receivedAt: '2026-05-01T00:00:00Z', description: 'y'.repeat(100) }));
    const imported = await t.app.inject({ method: 'POST', url: '/api/appeals/import?format=citytwin', headers: { authorization: 'Bearer op' }, payload: rows });
    expect(imported.statusCode).not.toBe(413);
    expect(imported.statusCode).toBeLessThan(500);
  });

  it('refuses a NUL character in a query with 400, where Postgres answered a 500 before', async () => {
    const open311 = await t.app.inject({ url: '/open311/v2/requests.json?service_request_id=a%00b' });
    expect(open311.statusCode).toBe(400);
    const api = await t.app.inject({ url: '/api/appeals/a%00b', headers: { authorization: 'Bearer op' } });
    expect(api.statusCode).toBe(400);
    expect(api.json().code).toBe('CT_ERR_BAD_PARAMETER');
  });

  it('refuses an unknown content type with 415 and its code', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/appeals', headers: { authorization: 'Bearer op', 'content-type': 'application/x-evil' }, payload: 'a=b' });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('CT_ERR_UNSUPPORTED_MEDIA_TYPE');
  });
});
