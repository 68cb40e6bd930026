import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertImportedAppeals, type ImportedAppeal } from '@citytwin/store';
import { openTestApp, type TestApp } from '../../testing/test-app';

const NOW_MS = Date.parse('2026-06-15T04:00:00Z');

describe('GET /api/appeals/chronic', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ env: { API_KEYS: 'op-key=operator' }, nowMs: NOW_MS });
    const appeals: ImportedAppeal[] = [];
    const add = (district: string, category: string, iso: string, n: number) => {
      for (let k = 0; k < n; k += 1) {
        const id = `ch-${appeals.length + 1}`;
        appeals.push({ id, externalId: id, category, channel: 'hotline', description: null, lat: null, lng: null, address: null, cell: null, receivedAtMs: Date.parse(iso) + k * 60_000, steps: [], contact: null, area: { district, street: null, community: null } });
      }
    };
    // Noise is in Dongcheng's top 3 in every month from January to June (Beijing time).
    for (const month of ['01', '02', '03', '04', '05', '06']) add('东城区', 'noise.construction', `2026-${month}-10T02:00:00Z`, 5);
    add('东城区', 'garbage', '2026-05-10T02:00:00Z', 9);
    add('东城区', 'heating', '2026-05-10T02:00:00Z', 3);
    add('东城区', 'traffic.parking', '2026-05-10T02:00:00Z', 2);
    // 2025-12-31T17:00Z is already January 2026 in Beijing.
    add('西城区', 'water_supply', '2025-12-31T17:00:00Z', 4);
    // Outside the six months: December 2025 in Beijing.
    add('西城区', 'road', '2025-12-31T15:00:00Z', 4);
    await insertImportedAppeals(t.store.db, appeals, 'fixture');
  });
  afterAll(async () => {
    await t?.close();
  });
  const get = (query: string, headers: Record<string, string> = { authorization: 'Bearer op-key' }) => t.app.inject({ method: 'GET', url: `/api/appeals/chronic?${query}`, headers });

  it('counts the months each first-level category was in a district\'s top 3', async () => {
    const response = await get('level=district&months=6');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ level: 'district', top: 3, months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'] });
    const dongcheng = body.areas.find((area: { area: string }) => area.area === '东城区');
    expect(dongcheng.categories[0]).toEqual({ category: 'noise', monthsInTop: 6, months: body.months, total: 30 });
    // In May: garbage 9, noise 5, heating 3 — parking (2) is fourth.
    expect(dongcheng.categories.find((c: { category: string }) => c.category === 'traffic')).toMatchObject({ monthsInTop: 0, total: 2 });
    const xicheng = body.areas.find((area: { area: string }) => area.area === '西城区');
    expect(xicheng.categories).toEqual([{ category: 'water_supply', monthsInTop: 1, months: ['2026-01'], total: 4 }]);
  });

  it('does not rank counts below the privacy minimum for anonymous callers', async () => {
    const body = (await get('level=district', {})).json();
    expect(body.suppressedBelow).toBe(3);
    const dongcheng = body.areas.find((area: { area: string }) => area.area === '东城区');
    expect(dongcheng.categories.some((c: { category: string }) => c.category === 'traffic')).toBe(false);
  });

  it.each([
    ['level=city', 'level'],
    ['months=0', 'months'],
    ['months=25', 'months'],
    ['limit=3', 'limit'],
  ])('refuses %s with a 400 naming %s', async (query, parameter) => {
    const response = await get(query);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'CT_ERR_BAD_PARAMETER', parameter });
  });
});
