import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '@citytwin/ingest/testing';
import { openTestApp, type TestApp } from '../../testing/test-app';

// The local Mosquitto the test suite runs against (test/scripts/ensure-services.sh).
const MOSQUITTO_URL = 'mqtt://127.0.0.1:1883';

describe('GET /api/health/live and /api/health/ready', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close().catch(() => undefined);
    t = undefined;
  });

  it('live answers 200 without touching the store', async () => {
    t = await openTestApp();
    await t.store.close();
    const response = await t.app.inject({ method: 'GET', url: '/api/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'live' });
  });

  it('ready answers 200 when the store answers, migrations are applied and the broker accepts connections', async () => {
    t = await openTestApp({ context: { brokerUrl: MOSQUITTO_URL } });
    const response = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ready', reasons: [],
      checks: { store: { ok: true }, migrations: { ok: true, pending: [] }, broker: { ok: true, configured: true } },
    });
  });

  it('ready is 503 broker_unreachable when nothing listens at the broker address', async () => {
    t = await openTestApp({ context: { brokerUrl: `mqtt://127.0.0.1:${await freePort()}` } });
    const response = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'not_ready', reasons: ['broker_unreachable'], checks: { broker: { ok: false } } });
  });

  it('ready is 503 migrations_pending, naming them, when a shipped migration is not recorded', async () => {
    t = await openTestApp();
    const [newest] = await t.store.db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version DESC LIMIT 1');
    await t.store.db.query('DELETE FROM schema_migrations WHERE version = $1', [newest!.version]);
    const response = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ reasons: ['migrations_pending'], checks: { migrations: { ok: false, pending: [newest!.name] } } });
  });

  it('ready is 503 store_unreachable (and nothing else) once the store is gone', async () => {
    t = await openTestApp();
    await t.store.close();
    const response = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ reasons: ['store_unreachable'], checks: { store: { ok: false }, broker: { configured: false } } });
  });

  it('ready is 503 shutting_down while the process drains, though everything else is fine', async () => {
    const lifecycle = { draining: false };
    t = await openTestApp({ context: { lifecycle } });
    expect((await t.app.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200);
    lifecycle.draining = true;
    const response = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json().reasons).toEqual(['shutting_down']);
  });
});
