import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDeadLetters, touchSensorsLastSeen, type Store } from '@citytwin/store';
import { openTestStore } from '@citytwin/store/testing';
import { buildApp } from '../../app/build-app';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { loadConfig } from '../../config/config';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const operator = { authorization: 'Bearer k-op' };
const planner = { authorization: 'Bearer k-pl' };
const sensor = (id: string) => ({ id, kind: 'air', lat: 39.93, lng: 116.41, metrics: ['pm25'], intervalMs: 60_000 });

describe('sensor registry and ingest routes', () => {
  let store: Store;
  let app: FastifyTypeBox;

  beforeAll(async () => {
    store = await openTestStore('pglite');
    const config = loadConfig({ API_KEYS: 'k-op=operator,k-pl=planner', SIMULATE: 'off' });
    app = await buildApp({
      store, config, logger: pino({ level: 'silent' }), broker: 'embedded', clock: () => NOW,
      ingest: { metricsText: () => '# TYPE citytwin_ingest_messages_total counter\ncitytwin_ingest_messages_total 7\n' },
    });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('registers sensors for operators only and validates the body', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/sensors', payload: sensor('a-1') })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/sensors', headers: planner, payload: sensor('a-1') })).json().code).toBe('CT_ERR_FORBIDDEN');
    const bad = await app.inject({ method: 'POST', url: '/api/sensors', headers: operator, payload: { ...sensor('a 1') } });
    expect(bad.json()).toMatchObject({ statusCode: 400, code: 'CT_ERR_BAD_PARAMETER', parameter: 'id' });
    const outside = await app.inject({ method: 'POST', url: '/api/sensors', headers: operator, payload: { ...sensor('a-9'), lat: 31.2, lng: 121.5 } });
    expect(outside.json()).toMatchObject({ code: 'CT_ERR_BAD_PARAMETER', parameter: 'lat' });
    const created = await app.inject({ method: 'POST', url: '/api/sensors', headers: operator, payload: sensor('a-1') });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'a-1', status: 'unknown', lastSeen: null });
  });

  it('lists sensors with their status and summarises fleet health', async () => {
    for (const id of ['a-2', 'a-3', 'a-4']) await app.inject({ method: 'POST', url: '/api/sensors', headers: operator, payload: sensor(id) });
    await touchSensorsLastSeen(store.db, new Map([['a-2', NOW - 60_000], ['a-3', NOW - 5 * 60_000], ['a-4', NOW - 60 * 60_000]]));
    const list = await app.inject({ method: 'GET', url: '/api/sensors' });
    expect(Object.fromEntries(list.json<{ sensors: Array<{ id: string; status: string }> }>().sensors.map((s) => [s.id, s.status]))).toEqual({
      'a-1': 'unknown', 'a-2': 'online', 'a-3': 'stale', 'a-4': 'offline',
    });
    expect((await app.inject({ method: 'GET', url: '/api/sensors?status=stale' })).json().sensors).toHaveLength(1);
    const health = await app.inject({ method: 'GET', url: '/api/sensors/health' });
    expect(health.json()).toMatchObject({ total: 4, online: 1, stale: 1, offline: 1, unknown: 1, newestReading: new Date(NOW - 60_000).toISOString() });
  });

  it('lists dead letters with counts by reason for operators', async () => {
    await insertDeadLetters(store.db, [
      { topic: 'citytwin/sensors/x', payload: new TextEncoder().encode('{oops'), reason: 'bad_json', detail: 'not JSON', receivedAtMs: NOW },
      { topic: 'citytwin/sensors/y', payload: new TextEncoder().encode('{}'), reason: 'wrong_type', detail: 'no values', receivedAtMs: NOW },
    ]);
    expect((await app.inject({ method: 'GET', url: '/api/ingest/dead-letters' })).statusCode).toBe(401);
    const letters = await app.inject({ method: 'GET', url: '/api/ingest/dead-letters?reason=bad_json', headers: operator });
    expect(letters.json()).toMatchObject({ countsByReason: { bad_json: 1, wrong_type: 1 }, items: [{ topic: 'citytwin/sensors/x', reason: 'bad_json', payloadText: '{oops' }] });
    expect((await app.inject({ method: 'GET', url: '/api/ingest/dead-letters?reason=nope', headers: operator })).json().parameter).toBe('reason');
  });

  it('serves Prometheus text at /metrics', async () => {
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('citytwin_up 1');
    expect(metrics.body).toContain('citytwin_ingest_messages_total 7');
  });
});
