import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';

describe('GET /api/whoami', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ env: { API_KEYS: 'plan-key=planner,op-key=operator' } });
  });
  afterAll(async () => {
    await t.close();
  });

  const whoami = (headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: '/api/whoami', headers });

  it('names the role of a known key', async () => {
    expect((await whoami({ authorization: 'Bearer plan-key' })).json()).toEqual({ role: 'planner' });
    expect((await whoami({ authorization: 'Bearer op-key' })).json()).toEqual({ role: 'operator' });
  });

  it('is anonymous without a key', async () => {
    const response = await whoami();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ role: 'anonymous' });
  });

  it('refuses an unknown key with 401', async () => {
    const response = await whoami({ authorization: 'Bearer wrong' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('CT_ERR_UNAUTHORIZED');
  });
});
