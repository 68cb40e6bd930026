import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, openAppealTestApp, type AppealTestApp } from './appeal-test-app';

const DONGCHENG = { lat: 39.9289, lng: 116.4173 };
const DAY = 86_400_000;
const TO = Date.parse('2026-06-15T00:00:00Z');

describe('GET /api/appeals/top', () => {
  let t: AppealTestApp;
  beforeAll(async () => {
    t = await openAppealTestApp();
    // Baseline (4 weeks before the window): 8 garbage, 4 noise. Window (7 days): 6 garbage, 5 noise, 3 flooding.
    const plan: Array<[string, number, number]> = [['garbage', 8, -20], ['noise', 4, -10], ['garbage', 6, -3], ['noise', 5, -2], ['flooding', 3, -1]];
    const rows = plan.flatMap(([category, count, dayOffset]) => Array.from({ length: count }, (_, i) => ({
      category, channel: 'hotline', ...DONGCHENG, receivedAt: new Date(TO + dayOffset * DAY + i * 60_000).toISOString(),
    })));
    const imported = await t.app.inject({ method: 'POST', url: '/api/appeals/import?format=citytwin', headers: as('admin'), payload: rows });
    expect(imported.json()).toMatchObject({ imported: 26 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives the top categories and those rising fastest against their 4-week baseline', async () => {
    const body = (await t.app.inject({ url: `/api/appeals/top?level=district&area=${encodeURIComponent('东城区')}&from=${new Date(TO - 7 * DAY).toISOString()}&to=${new Date(TO).toISOString()}`, headers: as('planner') })).json();
    expect(body.areas).toHaveLength(1);
    const [area] = body.areas;
    expect(area).toMatchObject({ area: '东城区', total: 14 });
    expect(area.top.map((trend: { category: string; count: number }) => [trend.category, trend.count])).toEqual([['garbage', 6], ['noise', 5], ['flooding', 3]]);
    // expected = baseline × 7/28: garbage 2 (growth 3), noise 1 (growth 5), flooding 0 (growth 3 over a floor of 1).
    expect(area.rising.map((trend: { category: string; growth: number }) => [trend.category, trend.growth])).toEqual([['noise', 5], ['garbage', 3], ['flooding', 3]]);
  });

  it('hides categories below k from anonymous callers', async () => {
    const body = (await t.app.inject({ url: `/api/appeals/top?from=${new Date(TO - 7 * DAY).toISOString()}&to=${new Date(TO).toISOString()}` })).json();
    expect(body.suppressedBelow).toBe(3);
    expect(body.areas[0].top.map((trend: { category: string }) => trend.category)).toEqual(['garbage', 'noise', 'flooding']);
    const strict = (await t.app.inject({ url: `/api/appeals/top?from=${new Date(TO - 1 * DAY).toISOString()}&to=${new Date(TO).toISOString()}` })).json();
    expect(strict.areas.flatMap((area: { top: Array<{ count: number }> }) => area.top).every((trend: { count: number }) => trend.count >= 3)).toBe(true);
  });
});
