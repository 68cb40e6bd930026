import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellToParent } from 'h3-js';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { EMERGING, loadTrendFixture, TREND_NOW_MS } from '../../testing/trend-fixture';

describe('GET /api/cells/:h3/series', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ env: { API_KEYS: 'op-key=operator', ALERT_BASELINE_WEEKS: '1' }, nowMs: TREND_NOW_MS });
    await loadTrendFixture(t.store.db);
  });
  afterAll(async () => {
    await t?.close();
  });
  const get = (url: string, headers: Record<string, string> = { authorization: 'Bearer op-key' }) => t.app.inject({ method: 'GET', url, headers });

  it('answers both signals per day with the baseline band of the same weekday a week earlier', async () => {
    const from = new Date(TREND_NOW_MS - 3 * 86_400_000).toISOString();
    const response = await get(`/api/cells/${EMERGING}/series?metric=noise_db&category=noise&step=day&from=${from}&to=${new Date(TREND_NOW_MS).toISOString()}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ h3: EMERGING, res: 8, step: 'day', baselineWeeks: 1, z: 3, metric: 'noise_db', category: 'noise' });
    expect(body.points).toHaveLength(3);
    const last = body.points[2];
    // The loud, complained-about last days against quiet days a week before (one sample: MAD 0, the band is the median).
    expect(last.value).toBeGreaterThan(74);
    expect(last.readings).toBe(1);
    expect(last.appeals).toBe(6);
    expect(last.valueBaseline).toMatchObject({ mad: 0 });
    expect(last.valueBaseline.median).toBeLessThan(53);
    expect(last.appealsBaseline).toMatchObject({ median: 0, mad: 0, low: 0, high: 0 });
  });

  it('answers hours by default over the last 7 days', async () => {
    const body = (await get(`/api/cells/${EMERGING}/series`)).json();
    expect(body.step).toBe('hour');
    expect(body.points).toHaveLength(7 * 24);
    expect(body.points[0].value).toBeUndefined();
  });

  it('hides appeals of fine cells from anonymous callers and small counts at res 8', async () => {
    const fine = (await get(`/api/cells/${EMERGING}/series?step=day`, {})).json();
    expect(fine.suppressedBelow).toBe(3);
    const coarse = (await get(`/api/cells/${cellToParent(EMERGING, 7)}/series?step=day`, {})).json();
    expect(coarse.points.every((point: { appeals: number | null }) => point.appeals === null || point.appeals >= 3)).toBe(true);
  });

  it.each([
    ['nothex/series', 'h3', 'CT_ERR_BAD_H3'],
    [`${EMERGING}/series?metric=radon`, 'metric', 'CT_ERR_BAD_PARAMETER'],
    [`${EMERGING}/series?category=weather`, 'category', 'CT_ERR_BAD_PARAMETER'],
    [`${EMERGING}/series?step=week`, 'step', 'CT_ERR_BAD_PARAMETER'],
    [`${EMERGING}/series?from=2020-01-01T00:00:00Z`, 'from', 'CT_ERR_BAD_PARAMETER'],
  ])('refuses %s with a 400 naming %s', async (path, parameter, code) => {
    const response = await get(`/api/cells/${path}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code, parameter });
  });
});
