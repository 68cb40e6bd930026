import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { openTestApp, type TestApp } from '../testing/test-app';

const OPEN311_POST = { method: 'POST' as const, url: '/open311/v2/requests.json', payload: { service_code: 'noise', lat: 39.9, long: 116.4 } };

describe('write rate limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ env: { API_KEYS: 'k1=open311,k2=open311', RATE_LIMIT_ANONYMOUS: '3', RATE_LIMIT_KEYED: '5' } });
  });
  afterAll(async () => t.close());

  it('defaults to 60 anonymous writes a minute per address and 1,200 per key', () => {
    expect(loadConfig({}).rateLimit).toEqual({ anonymousPerMinute: 60, keyedPerMinute: 1200 });
    expect(() => loadConfig({ RATE_LIMIT_KEYED: '0' })).toThrow(/RATE_LIMIT_KEYED/);
  });

  it('answers an anonymous address over its limit with 429 and Retry-After, on Open311 and the API', async () => {
    const from = { remoteAddress: '203.0.113.1' };
    for (let i = 0; i < 3; i++) expect((await t.app.inject({ ...OPEN311_POST, ...from })).statusCode).toBe(403);
    const over = await t.app.inject({ ...OPEN311_POST, ...from });
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.json()[0].code).toBe(429);
    const api = await t.app.inject({ method: 'POST', url: '/api/appeals', payload: {}, ...from });
    expect(api.statusCode).toBe(429);
    expect(api.json().code).toBe('CT_ERR_RATE_LIMITED');
    expect((await t.app.inject({ ...OPEN311_POST, remoteAddress: '203.0.113.2' })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/open311/v2/requests.json', ...from })).statusCode).toBe(200);
  });

  it('counts keyed writes per key, whatever the address', async () => {
    const post = (key: string, remoteAddress: string) => t.app.inject({ ...OPEN311_POST, remoteAddress, headers: { authorization: `Bearer ${key}` } });
    for (let i = 0; i < 5; i++) expect((await post('k1', `198.51.100.${i}`)).statusCode).toBe(200);
    const over = await post('k1', '198.51.100.77');
    expect(over.statusCode).toBe(429);
    expect(over.headers['retry-after']).toBeDefined();
    expect((await post('k2', '198.51.100.1')).statusCode).toBe(200);
  });
});
