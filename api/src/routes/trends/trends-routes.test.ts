import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridDisk } from 'h3-js';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { EMERGING, LAG_HOURS, loadTrendFixture, TREND_CENTRE, TREND_DISC, TREND_NOW_MS } from '../../testing/trend-fixture';

interface TrendCell { h3: string; pattern: string; trend: { z: number; p: number }; z: number[] }

describe('GET /api/trends/hotspots and GET /api/fusion/correlation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ env: { API_KEYS: 'op-key=operator' }, nowMs: TREND_NOW_MS });
    await loadTrendFixture(t.store.db);
  });
  afterAll(async () => {
    await t?.close();
  });
  const operator = { authorization: 'Bearer op-key' };
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: operator });
  const tenDays = `from=${new Date(TREND_NOW_MS - 10 * 86_400_000).toISOString()}&to=${new Date(TREND_NOW_MS).toISOString()}`;

  it('finds appeals that started three days ago as a consecutive hot spot', async () => {
    const response = await get(`/api/trends/hotspots?layer=human&category=noise&res=8&step=day&${tenDays}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ layer: 'human', category: 'noise', res: 8, step: 'day', rings: 1, timeLag: 1 });
    expect(body.steps).toHaveLength(10);
    expect(body.steps[0]).toBe('2026-05-22T00:00:00.000Z');
    const cells = new Map((body.cells as TrendCell[]).map((cell) => [cell.h3, cell]));
    // The study area: the active disc and its ring 1.
    expect(cells.size).toBe(gridDisk(TREND_CENTRE, 7).length);
    const emerging = cells.get(EMERGING)!;
    expect(emerging.pattern).toBe('consecutive_hot');
    expect(emerging.z).toHaveLength(10);
    expect(emerging.z[9]).toBeGreaterThan(3);
    expect(emerging.trend.z).toBeGreaterThan(0);
    const quiet = [...cells.values()].filter((cell) => cell.pattern === 'no_pattern');
    expect(quiet.length).toBeGreaterThan(cells.size / 2);
  });

  it('finds the loud cells on the physical layer, gaps filled with the cell mean', async () => {
    const body = (await get(`/api/trends/hotspots?layer=physical&metric=noise_db&res=8&step=day&${tenDays}`)).json();
    expect(body.cells).toHaveLength(TREND_DISC.length);
    expect((body.cells as TrendCell[]).find((cell) => cell.h3 === EMERGING)!.pattern).toBe('consecutive_hot');
  });

  it('refuses a cube of more than 2 million bins, naming the window and the limit', async () => {
    const response = await get(`/api/trends/hotspots?layer=human&res=8&step=hour&from=2021-06-02T00:00:00Z&to=2026-06-01T00:00:00Z`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'CT_ERR_BAD_PARAMETER', parameter: 'from' });
    expect(response.json().message).toContain('2000000');
  });

  it.each([
    ['layer=physical', 'metric'],
    ['layer=human&category=weather', 'category'],
    ['layer=human&step=month', 'step'],
    ['layer=human&timeLag=-1', 'timeLag'],
    ['layer=human&timeLag=11', 'timeLag'],
    ['layer=human&rings=4', 'rings'],
    ['layer=human&res=4', 'res'],
    ['layer=human&from=yesterday', 'from'],
    ['layer=human&shape=cube', 'shape'],
  ])('refuses %s with a 400 naming %s', async (query, parameter) => {
    const response = await get(`/api/trends/hotspots?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'CT_ERR_BAD_PARAMETER', parameter });
  });

  it('finds the planted two-hour lag between readings and appeals', async () => {
    const fourDays = `from=${new Date(TREND_NOW_MS - 4 * 86_400_000).toISOString()}&to=${new Date(TREND_NOW_MS).toISOString()}`;
    const response = await get(`/api/fusion/correlation?metric=pm25&res=8&${fourDays}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ metric: 'pm25', category: 'air', bestLagHours: LAG_HOURS });
    expect(body.lagged).toHaveLength(13);
    expect(body.lagged[LAG_HOURS]).toMatchObject({ lagHours: LAG_HOURS, n: 96 - LAG_HOURS });
    expect(body.lagged[LAG_HOURS].r).toBeGreaterThan(0.95);
    expect(body.lagged[0].r).toBeLessThan(0.5);
    expect(body.spatial.n).toBe(1);
    expect(body.spatial.rho).toBeNull();
  });

  it('correlates the cells: the loud cells are those with noise appeals', async () => {
    const body = (await get(`/api/fusion/correlation?metric=noise_db&res=8&${tenDays}`)).json();
    expect(body.spatial.n).toBe(TREND_DISC.length);
    expect(body.spatial.rho).toBeGreaterThan(0.2);
    expect(body.spatial.p).toBeLessThan(0.05);
  });

  it.each([
    ['metric=radon', 'metric'],
    ['metric=pm25&category=weather', 'category'],
    ['metric=pm25&res=11', 'res'],
  ])('refuses correlation %s with a 400 naming %s', async (query, parameter) => {
    const response = await get(`/api/fusion/correlation?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'CT_ERR_BAD_PARAMETER', parameter });
  });
});
