import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellResolution } from '@citytwin/shared';
import { TEST_KEYS, as, openAppealTestApp, type AppealTestApp } from './appeal-test-app';

const RESIDENTS = [
  { name: 'Zhang Xiuying', phone: '13800138001', email: 'zxy@example.cn' },
  { name: 'Li Wei', phone: '13800138002', email: 'liwei@example.cn' },
  { name: 'Chen Jing', phone: '13800138003', email: 'cj@example.cn' },
  { name: 'Liu Yang', phone: '13800138004', email: 'ly@example.cn' },
];
const FREE_TEXT = 'my neighbour at No. 7 plays drums';
const POINT = { lat: 39.928912, lng: 116.417334 };
const SECRETS = [...RESIDENTS.flatMap((resident) => [resident.name, resident.phone, resident.email]), FREE_TEXT, String(POINT.lat), String(POINT.lng)];

describe('anonymous callers see no personal data, no free text, no exact location', () => {
  let t: AppealTestApp;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await openAppealTestApp();
    for (const [index, contact] of RESIDENTS.entries()) {
      const created = await t.app.inject({
        method: 'POST', url: '/api/appeals', headers: as('operator'),
        payload: { category: 'noise.residential', channel: 'hotline', description: FREE_TEXT, ...POINT, receivedAt: `2026-06-1${index}T02:00:00Z`, contact },
      });
      ids.push(created.json().id);
    }
    await t.app.inject({ method: 'POST', url: `/api/appeals/${ids[0]}/events`, headers: as('operator'), payload: { to: 'dispatched', departments: ['urban'], note: `called back ${RESIDENTS[0]!.phone}` } });
    const form = `api_key=${TEST_KEYS.open311}&service_code=noise&lat=${POINT.lat}&long=${POINT.lng}&description=${encodeURIComponent(FREE_TEXT)}&first_name=Liu&last_name=Yang&phone=${RESIDENTS[3]!.phone}&email=${RESIDENTS[3]!.email}`;
    const open311 = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form });
    ids.push(open311.json()[0].service_request_id);
  });
  afterAll(async () => {
    await t?.close();
  });

  const anonymousUrls = () => [
    '/api/cells?layer=human&res=8&from=2026-06-01T00:00:00Z&to=2026-06-20T00:00:00Z',
    '/api/cells?layer=human&res=9&from=2026-06-01T00:00:00Z&to=2026-06-20T00:00:00Z',
    '/api/cells?layer=human&res=8&category=noise&status=received&from=2026-06-01T00:00:00Z&to=2026-06-20T00:00:00Z',
    '/api/appeals', '/api/appeals?street=x', `/api/appeals/${ids[0]}`,
    '/api/appeals/top?level=district&from=2026-06-01T00:00:00Z&to=2026-06-20T00:00:00Z',
    '/api/appeals/top?level=street', '/api/rankings?level=district&month=2026-06', '/api/rankings?level=street&month=2026-06',
    '/api/rankings?level=department&month=2026-06', '/open311/v2/services.json', '/open311/v2/requests.json',
    ...ids.map((id) => `/open311/v2/requests/${id}.json`), '/api/city', '/api/health',
    '/api/hotspots?layer=human&res=9&from=2026-06-01T00:00:00Z&to=2026-06-20T00:00:00Z',
    '/api/hotspots?layer=human&category=noise&res=8&fdr=false&from=2026-06-01T00:00:00Z&to=2026-06-20T00:00:00Z',
    '/api/fusion?metric=noise_db&res=9&from=2026-06-01T00:00:00Z&to=2026-06-20T00:00:00Z',
    '/api/fusion/placement?metric=noise_db&res=9&from=2026-06-01T00:00:00Z&to=2026-06-20T00:00:00Z',
  ];

  it('never returns a seeded name, phone, email, the free text or the exact point', async () => {
    let scanned = 0;
    for (const url of anonymousUrls()) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBeLessThan(500);
      for (const secret of SECRETS) expect(response.body, `${url} leaks ${secret}`).not.toContain(secret);
      scanned += 1;
    }
    const posts = [`/api/appeals/${ids[0]}/events`, '/api/appeals/import?format=citytwin', '/open311/v2/requests.json'];
    for (const url of posts) {
      const response = await t.app.inject({ method: 'POST', url, payload: { to: 'responded' } });
      expect([400, 401, 403], url).toContain(response.statusCode);
      for (const secret of SECRETS) expect(response.body).not.toContain(secret);
    }
    expect(scanned).toBe(anonymousUrls().length);
  });

  it('serves the human layer at res <= 8 with cells of at least 3 appeals', async () => {
    const body = (await t.app.inject({ url: anonymousUrls()[1]! })).json();
    expect(body).toMatchObject({ res: 8, suppressedBelow: 3 });
    expect(body.cells).toHaveLength(1);
    for (const cell of body.cells) expect(cellResolution(cell.h3)).toBeLessThanOrEqual(8);
    const sparse = (await t.app.inject({ url: '/api/cells?layer=human&res=8&from=2026-06-10T00:00:00Z&to=2026-06-12T00:00:00Z' })).json();
    expect(sparse.cells).toEqual([]);
  });

  it('lists no cell under 3 appeals on the human hotspots and no count under 3 in fusion', async () => {
    const hotspots = (await t.app.inject({ url: '/api/hotspots?layer=human&res=9&from=2026-06-10T00:00:00Z&to=2026-06-12T00:00:00Z' })).json();
    expect(hotspots).toMatchObject({ res: 8, suppressedBelow: 3, cells: [] });
    expect(hotspots.n).toBeGreaterThan(0);
    const fusion = (await t.app.inject({ url: '/api/fusion?metric=noise_db&res=9&from=2026-06-10T00:00:00Z&to=2026-06-12T00:00:00Z' })).json();
    expect(fusion).toMatchObject({ res: 8, suppressedBelow: 3 });
    expect(fusion.cells.length).toBeGreaterThan(0);
    for (const cell of fusion.cells) expect(cell.human.value).toBeNull();
  });

  it('keeps personal data out of the log', async () => {
    await t.app.inject({ url: `/api/appeals/${ids[0]}`, headers: as('operator') });
    const log = t.logText();
    expect(log.length).toBeGreaterThan(0);
    for (const resident of RESIDENTS) {
      expect(log).not.toContain(resident.name);
      expect(log).not.toContain(resident.email);
      expect(log).not.toContain(resident.phone);
    }
  });
});
