import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, openAppealTestApp, type AppealTestApp } from './appeal-test-app';

const H = 3_600_000;
const RECEIVED = '2026-06-15T02:00:00.000Z';
const BODY = {
  category: 'noise.construction', channel: 'hotline', description: 'Pile driving after 22:00', lat: 39.9289, lng: 116.4173,
  receivedAt: RECEIVED, contact: { name: 'Wang Fang', phone: '13911112222', email: 'wf@example.cn' },
};

describe('appeal routes', () => {
  let t: AppealTestApp;
  beforeAll(async () => {
    t = await openAppealTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function create(body: Record<string, unknown> = BODY) {
    const response = await t.app.inject({ method: 'POST', url: '/api/appeals', headers: as('operator'), payload: body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; [key: string]: unknown }>();
  }

  function step(id: string, body: Record<string, unknown>, role: 'operator' | 'planner' = 'operator') {
    return t.app.inject({ method: 'POST', url: `/api/appeals/${id}/events`, headers: as(role), payload: body });
  }

  it('creates an appeal with its cell, district and SLA deadlines, keeping the simulator fields working', async () => {
    const created = await create();
    expect(created).toMatchObject({ status: 'received', category: 'noise.construction', district: '东城区', receivedAt: RECEIVED, responseDue: '2026-06-15T04:00:00.000Z' });
    expect(created['cell']).toMatch(/^89/);
    const minimal = await create({ category: 'garbage', channel: 'app', lat: 39.95, lng: 116.35 });
    expect(minimal.status).toBe('received');
    expect(minimal['contact']).toBeUndefined();
  });

  it('refuses anonymous and planner writes and a duplicate externalId', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/appeals', payload: BODY })).json()).toMatchObject({ code: 'CT_ERR_UNAUTHORIZED' });
    expect((await t.app.inject({ method: 'POST', url: '/api/appeals', headers: as('planner'), payload: BODY })).json()).toMatchObject({ code: 'CT_ERR_FORBIDDEN' });
    await create({ ...BODY, externalId: 'hotline-1' });
    const again = await t.app.inject({ method: 'POST', url: '/api/appeals', headers: as('operator'), payload: { ...BODY, externalId: 'hotline-1' } });
    expect(again.statusCode).toBe(409);
  });

  it('shows contact data to operators only, and the event history to readers', async () => {
    const { id } = await create();
    const forOperator = (await t.app.inject({ url: `/api/appeals/${id}`, headers: as('operator') })).json();
    expect(forOperator.contact).toEqual(BODY.contact);
    const forPlanner = await t.app.inject({ url: `/api/appeals/${id}`, headers: as('planner') });
    expect(forPlanner.json().contact).toBeUndefined();
    expect(forPlanner.body).not.toContain('13911112222');
    expect(forPlanner.json().events.map((event: { type: string }) => event.type)).toEqual(['received']);
    expect((await t.app.inject({ url: `/api/appeals/${id}` })).statusCode).toBe(401);
  });

  it('walks the whole workflow of a joint case, reopened once', async () => {
    const { id } = await create();
    const path = [
      { to: 'dispatched', departments: ['urban_management', 'housing'], at: '2026-06-15T02:30:00Z', note: '吹哨报到' },
      { to: 'responded', at: '2026-06-15T03:00:00Z' },
      { to: 'resolved', at: '2026-06-16T03:00:00Z' },
      { to: 'rated', rating: 'dissatisfied', at: '2026-06-16T05:00:00Z' },
      { to: 'reopened', at: '2026-06-16T06:00:00Z' },
      { to: 'dispatched', departments: ['housing'], at: '2026-06-16T07:00:00Z' },
      { to: 'responded', at: '2026-06-16T08:00:00Z' },
      { to: 'resolved', at: '2026-06-17T08:00:00Z' },
      { to: 'rated', rating: 'basically_satisfied', at: '2026-06-17T09:00:00Z' },
      { to: 'closed', at: '2026-06-17T10:00:00Z' },
    ];
    for (const body of path) expect((await step(id, body)).statusCode).toBe(200);
    const detail = (await t.app.inject({ url: `/api/appeals/${id}`, headers: as('planner') })).json();
    expect(detail).toMatchObject({ status: 'closed', rating: 'basically_satisfied', reopenCount: 1, respondedAt: '2026-06-15T03:00:00.000Z', departments: ['housing'] });
    expect(detail.events.map((event: { type: string }) => event.type)).toEqual(['received', ...path.map((body) => body.to)]);
    expect(detail.events[1]).toMatchObject({ actor: 'operator', note: '吹哨报到', data: { departments: ['urban_management', 'housing'] } });
  });

  it('answers an illegal step with 409 CT_ERR_ILLEGAL_TRANSITION and a missing field with 400', async () => {
    const { id } = await create();
    const illegal = await step(id, { to: 'resolved' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json()).toMatchObject({ code: 'CT_ERR_ILLEGAL_TRANSITION' });
    expect((await step(id, { to: 'dispatched' })).json()).toMatchObject({ code: 'CT_ERR_BAD_PARAMETER', parameter: 'departments' });
    expect((await step(id, { to: 'flying' })).json()).toMatchObject({ code: 'CT_ERR_BAD_PARAMETER' });
    expect((await step(id, { to: 'dispatched', departments: ['x'] }, 'planner')).statusCode).toBe(403);
    expect((await step('no-such-appeal', { to: 'dispatched', departments: ['x'] })).statusCode).toBe(404);
  });

  it('links a duplicate to an existing master only', async () => {
    const master = await create();
    const copy = await create();
    expect((await step(copy.id, { to: 'duplicate', duplicateOf: 'missing' })).json()).toMatchObject({ parameter: 'duplicateOf' });
    expect((await step(copy.id, { to: 'duplicate', duplicateOf: master.id })).json()).toMatchObject({ status: 'duplicate', duplicateOf: master.id });
    expect((await step(copy.id, { to: 'dispatched', departments: ['x'] })).statusCode).toBe(409);
  });

  it('flags overdue appeals against the injected clock', async () => {
    const { id } = await create({ ...BODY, category: 'flooding.street', receivedAt: '2026-06-15T03:30:00Z' });
    t.setNow(Date.parse('2026-06-15T03:45:00Z'));
    expect((await t.app.inject({ url: `/api/appeals/${id}`, headers: as('planner') })).json().overdue).toEqual({ response: false, resolution: false });
    const overdueIds = async () => (await t.app.inject({ url: '/api/appeals?overdue=response&limit=1000', headers: as('planner') })).json().appeals.map((appeal: { id: string }) => appeal.id);
    expect(await overdueIds()).not.toContain(id);
    t.setNow(Date.parse('2026-06-15T03:30:00Z') + 1 * H + 1);
    expect((await t.app.inject({ url: `/api/appeals/${id}`, headers: as('planner') })).json().overdue).toEqual({ response: true, resolution: false });
    expect(await overdueIds()).toContain(id);
  });

  it('lists with filters by status, category family, district and cell', async () => {
    const all = (await t.app.inject({ url: '/api/appeals?limit=1000', headers: as('planner') })).json();
    expect(all.total).toBeGreaterThan(5);
    const closed = (await t.app.inject({ url: '/api/appeals?status=closed,duplicate&category=noise', headers: as('planner') })).json();
    expect(closed.appeals.map((appeal: { status: string }) => appeal.status).sort()).toEqual(['closed', 'duplicate']);
    const created = all.appeals.find((appeal: { district: string | null }) => appeal.district === '东城区');
    const inCell = (await t.app.inject({ url: `/api/appeals?cell=${created.cell}&district=${encodeURIComponent('东城区')}`, headers: as('planner') })).json();
    expect(inCell.total).toBeGreaterThan(0);
    expect((await t.app.inject({ url: '/api/appeals?status=lost', headers: as('planner') })).json()).toMatchObject({ parameter: 'status' });
    expect((await t.app.inject({ url: '/api/appeals?cell=zzz', headers: as('planner') })).json()).toMatchObject({ code: 'CT_ERR_BAD_PARAMETER' });
  });
});
