import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('names the store and broker in use', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', store: 'pglite', broker: 'embedded', storeReachable: true });
  });

  it("counts the areas per level that appeals are assigned to (Beijing ships its 16 districts, no 街道 yet)", async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json().areas).toEqual({ district: 16, street: 0, community: 0 });
  });

  it('answers unknown routes with a coded 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('CT_ERR_NOT_FOUND');
  });
});
