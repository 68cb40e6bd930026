import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_CHANNELS, listenForChanges, type AppealsChange } from '@citytwin/store';
import { as, openAppealTestApp, TEST_KEYS, type AppealTestApp } from './appeal-test-app';

const RECEIVED_MS = Date.parse('2026-06-15T02:00:00Z');
const POINT = { lat: 39.9289, lng: 116.4173 };

describe('appeal writes announce what changed to the live channel', () => {
  let t: AppealTestApp;
  const seen: AppealsChange[] = [];
  let stop: () => Promise<void>;
  beforeAll(async () => {
    t = await openAppealTestApp();
    stop = await listenForChanges(t.store.db, CHANGE_CHANNELS.appeals, (change) => seen.push(change));
  });
  afterAll(async () => {
    await stop?.();
    await t?.close();
  });

  async function next(): Promise<AppealsChange> {
    const count = seen.length;
    for (let i = 0; i < 200 && seen.length === count; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    if (seen.length === count) throw new Error('no announcement');
    return seen.at(-1)!;
  }

  it('announces a new appeal, and its workflow step', async () => {
    const announced = next();
    const created = await t.app.inject({ method: 'POST', url: '/api/appeals', headers: as('operator'), payload: { category: 'noise.construction', channel: 'hotline', ...POINT, receivedAt: new Date(RECEIVED_MS).toISOString() } });
    expect(created.statusCode).toBe(201);
    expect(await announced).toEqual({ kind: 'received', categories: ['noise'], fromMs: RECEIVED_MS, toMs: RECEIVED_MS, count: 1 });

    const stepped = next();
    const step = await t.app.inject({ method: 'POST', url: `/api/appeals/${created.json().id}/events`, headers: as('operator'), payload: { to: 'dispatched', departments: ['urban_management'], at: '2026-06-15T02:30:00Z' } });
    expect(step.statusCode, step.body).toBe(200);
    expect(await stepped).toEqual({ kind: 'updated', categories: ['noise'], fromMs: Date.parse('2026-06-15T02:30:00Z'), toMs: Date.parse('2026-06-15T02:30:00Z'), count: 1 });
  });

  it('announces an Open311 request at the time it was received', async () => {
    const announced = next();
    const posted = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: { api_key: TEST_KEYS.open311, service_code: 'garbage', lat: POINT.lat, long: POINT.lng } });
    expect(posted.statusCode).toBe(200);
    expect(await announced).toMatchObject({ kind: 'received', categories: ['garbage'], count: 1, fromMs: Date.parse('2026-06-15T04:00:00Z') });
  });

  it('announces an import once, with every category it brought, and a repeated import not at all', async () => {
    const rows = [
      { category: 'heating.no_heat', channel: 'hotline', ...POINT, receivedAt: '2026-06-14T10:00:00Z', externalId: 'imp-1' },
      { category: 'noise', channel: 'app', ...POINT, receivedAt: '2026-06-14T12:00:00Z', externalId: 'imp-2' },
    ];
    const announced = next();
    const first = await t.app.inject({ method: 'POST', url: '/api/appeals/import?format=citytwin', headers: as('operator'), payload: rows });
    expect(first.json()).toMatchObject({ imported: 2 });
    expect(await announced).toEqual({ kind: 'received', categories: ['heating', 'noise'], fromMs: Date.parse('2026-06-14T10:00:00Z'), toMs: Date.parse('2026-06-14T12:00:00Z'), count: 2 });
    const count = seen.length;
    expect((await t.app.inject({ method: 'POST', url: '/api/appeals/import?format=citytwin', headers: as('operator'), payload: rows })).json()).toMatchObject({ imported: 0 });
    await t.store.db.query('SELECT 1');
    expect(seen.length).toBe(count);
  });
});
