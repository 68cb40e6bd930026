import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, openAppealTestApp, type AppealTestApp } from '../appeals/appeal-test-app';

const DONGCHENG = { lat: 39.9289, lng: 116.4173 };
const XICHENG = { lat: 39.9123, lng: 116.366 };
const H = 3_600_000;

interface Plan {
  at: string;
  where: { lat: number; lng: number };
  departments?: string[];
  respondAfterH?: number;
  outcome?: 'resolved' | 'unresolvable';
  rating?: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  duplicateOf?: string;
}

// A hand-computed month (Beijing time). Default SLA: respond within 2 h.
// 东城区: received 4, responded 3, in time 2, resolved 2, rated 3 (1 satisfied, 1 basically) ->
//   rates 0.5, 2/3, 2/3 -> score 100 × (0.1 × 0.5 + 0.45 × 2/3 + 0.45 × 2/3) = 65
// 西城区: received 2, responded 2 in time, resolved 2, rated 2 (1 satisfied) -> 1, 1, 0.5 -> score 77.5
// April: 东城区 one perfect appeal -> score 100, rank 1.
const MAY: Plan[] = [
  { at: '2026-04-30T16:30:00Z', where: DONGCHENG, departments: ['urban'], respondAfterH: 1, outcome: 'resolved', rating: 'satisfied' },
  { at: '2026-05-10T02:00:00Z', where: DONGCHENG, departments: ['urban', 'water'], respondAfterH: 3, outcome: 'resolved', rating: 'basically_satisfied' },
  { at: '2026-05-11T02:00:00Z', where: DONGCHENG, departments: ['urban'], respondAfterH: 1, outcome: 'unresolvable', rating: 'dissatisfied' },
  { at: '2026-05-12T02:00:00Z', where: DONGCHENG, departments: ['urban'] },
  { at: '2026-05-13T02:00:00Z', where: XICHENG, departments: ['water'], respondAfterH: 1, outcome: 'resolved', rating: 'satisfied' },
  { at: '2026-05-14T02:00:00Z', where: XICHENG, departments: ['water'], respondAfterH: 1, outcome: 'resolved', rating: 'dissatisfied' },
  // June 1st 00:30 in Beijing: not May.
  { at: '2026-05-31T16:30:00Z', where: XICHENG, departments: ['water'] },
];
const APRIL: Plan[] = [{ at: '2026-04-20T02:00:00Z', where: DONGCHENG, departments: ['urban'], respondAfterH: 1, outcome: 'resolved', rating: 'satisfied' }];

describe('GET /api/rankings', () => {
  let t: AppealTestApp;

  async function play(plan: Plan): Promise<string> {
    const created = await t.app.inject({ method: 'POST', url: '/api/appeals', headers: as('operator'), payload: { category: 'noise', channel: 'hotline', ...plan.where, receivedAt: plan.at } });
    const id = created.json().id as string;
    const t0 = Date.parse(plan.at);
    const steps: Array<Record<string, unknown>> = [];
    if (plan.duplicateOf) steps.push({ to: 'duplicate', duplicateOf: plan.duplicateOf });
    if (plan.departments) steps.push({ to: 'dispatched', departments: plan.departments, at: new Date(t0 + 0.5 * H).toISOString() });
    if (plan.respondAfterH) steps.push({ to: 'responded', at: new Date(t0 + plan.respondAfterH * H).toISOString() });
    if (plan.outcome) steps.push({ to: plan.outcome, at: new Date(t0 + 24 * H).toISOString() });
    if (plan.rating) steps.push({ to: 'rated', rating: plan.rating, at: new Date(t0 + 48 * H).toISOString() });
    for (const step of steps) {
      const response = await t.app.inject({ method: 'POST', url: `/api/appeals/${id}/events`, headers: as('operator'), payload: step });
      expect(response.statusCode, response.body).toBe(200);
    }
    return id;
  }

  beforeAll(async () => {
    t = await openAppealTestApp();
    const ids: string[] = [];
    for (const plan of [...APRIL, ...MAY]) ids.push(await play(plan));
    await play({ at: '2026-05-15T02:00:00Z', where: DONGCHENG, duplicateOf: ids[1] });
  });
  afterAll(async () => {
    await t?.close();
  });

  const rankings = async (query: string, anonymous = false) =>
    (await t.app.inject({ url: `/api/rankings?${query}`, headers: anonymous ? {} : as('planner') })).json();

  it('ranks districts by the three rates, with the change against April', async () => {
    const body = await rankings('level=district&month=2026-05');
    expect(body).toMatchObject({ month: '2026-05', previousMonth: '2026-04', timeZone: 'Asia/Shanghai' });
    expect(body.rows.map((row: Record<string, unknown>) => [row['area'], row['rank'], row['received'], row['previousRank'], row['rankChange']])).toEqual([
      ['西城区', 1, 2, null, null],
      ['东城区', 2, 4, 1, -1],
    ]);
    const [xicheng, dongcheng] = body.rows;
    expect([xicheng.responseRate, xicheng.resolutionRate, xicheng.satisfactionRate, xicheng.score]).toEqual([1, 1, 0.5, 77.5]);
    expect(dongcheng).toMatchObject({ responded: 3, respondedInTime: 2, resolved: 2, rated: 3, satisfied: 1, basicallySatisfied: 1, responseRate: 0.5 });
    expect(dongcheng.resolutionRate).toBeCloseTo(2 / 3, 12);
    expect(dongcheng.satisfactionRate).toBeCloseTo(2 / 3, 12);
    expect(dongcheng.score).toBeCloseTo(65, 10);
    expect(dongcheng.scoreChange).toBeCloseTo(-35, 10);
  });

  it('counts a joint case for every department on it', async () => {
    const body = await rankings('level=department&month=2026-05');
    expect(body.rows.map((row: Record<string, unknown>) => [row['area'], row['rank'], row['received'], row['respondedInTime'], row['resolved']])).toEqual([
      ['water', 1, 3, 2, 3],
      ['urban', 2, 4, 2, 2],
    ]);
    expect(body.rows[0].score).toBeCloseTo(100 * (0.1 * (2 / 3) + 0.45 + 0.45 * (2 / 3)), 10);
  });

  it('leaves out areas below k for anonymous callers and refuses a bad month', async () => {
    const body = await rankings('level=district&month=2026-05', true);
    expect(body.suppressedBelow).toBe(3);
    expect(body.rows.map((row: { area: string }) => row.area)).toEqual(['东城区']);
    expect(await rankings('level=district&month=2026-13')).toMatchObject({ code: 'CT_ERR_BAD_PARAMETER', parameter: 'month' });
    expect(await rankings('level=galaxy')).toMatchObject({ code: 'CT_ERR_BAD_PARAMETER', parameter: 'level' });
  });
});
