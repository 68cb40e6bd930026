import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAtLatLng, parentCell } from '@citytwin/shared';
import { insertAppeal, insertReadingsBatch } from '@citytwin/store';
import { openTestApp, type TestApp } from '../../testing/test-app';

const T0 = Date.parse('2026-06-01T10:00:00Z');
const here = { lat: 39.9042, lng: 116.4074 };
const cell9 = cellAtLatLng(here, 9);

describe('GET /api/cells', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ env: { API_KEYS: 'op-key=operator' } });
    await insertReadingsBatch(t.store.db, [
      { sensorId: 's1', metric: 'noise_db', tsMs: T0, value: 50, cell: cell9 },
      { sensorId: 's1', metric: 'noise_db', tsMs: T0 + 60_000, value: 70, cell: cell9 },
    ]);
    for (let i = 0; i < 3; i += 1) {
      await insertAppeal(t.store.db, { id: `n${i}`, category: 'noise.construction', channel: 'hotline', ...here, cell: cell9, receivedAtMs: T0 }, 'test');
    }
    const lonely = { lat: 39.99, lng: 116.3 };
    await insertAppeal(t.store.db, { id: 'g1', category: 'garbage', channel: 'app', ...lonely, cell: cellAtLatLng(lonely, 9), receivedAtMs: T0 }, 'test');
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (query: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/api/cells?${query}`, headers });

  it('serves the mean of a metric per cell over the last 24 h by default', async () => {
    const response = await get('layer=physical&metric=noise_db&res=9');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ layer: 'physical', res: 9, metric: 'noise_db', cells: [{ h3: cell9, value: 60, count: 2 }] });
  });

  it('aggregates to a coarser resolution', async () => {
    const response = await get('layer=physical&metric=noise_db&res=6');
    expect(response.json().cells).toEqual([{ h3: parentCell(cell9, 6), value: 60, count: 2 }]);
  });

  it('respects an explicit window', async () => {
    const response = await get('layer=physical&metric=noise_db&res=9&from=2026-06-01T11:00:00Z&to=2026-06-01T12:00:00Z');
    expect(response.json().cells).toEqual([]);
  });

  it('counts appeals per cell and hides cells under 3 appeals from anonymous callers', async () => {
    const response = await get('layer=human&res=8');
    expect(response.json()).toMatchObject({ layer: 'human', res: 8, suppressedBelow: 3, cells: [{ h3: parentCell(cell9, 8), value: 3, count: 3 }] });
  });

  it('shows every cell at full resolution to an operator', async () => {
    const response = await get('layer=human&res=9', { authorization: 'Bearer op-key' });
    const body = response.json();
    expect(body.res).toBe(9);
    expect(body.cells).toHaveLength(2);
  });

  it('serves anonymous callers the human layer at res 8 at most', async () => {
    const response = await get('layer=human&res=9');
    expect(response.json().res).toBe(8);
  });

  it('filters appeals by category family', async () => {
    const response = await get('layer=human&res=8&category=garbage', { authorization: 'Bearer op-key' });
    expect(response.json().cells).toHaveLength(1);
    expect(response.json().cells[0].count).toBe(1);
  });

  it.each([
    ['layer=thermal&res=8', 'layer'],
    ['res=8', 'layer'],
    ['layer=physical&res=8', 'metric'],
    ['layer=physical&metric=radon&res=8', 'metric'],
    ['layer=physical&metric=pm25&res=4', 'res'],
    ['layer=physical&metric=pm25&res=11', 'res'],
    ['layer=physical&metric=pm25&res=eight', 'res'],
    ['layer=physical&metric=pm25&res=8&from=yesterday', 'from'],
    ['layer=physical&metric=pm25&res=8&to=2026-13-01T00:00:00Z', 'to'],
    ['layer=physical&metric=pm25&res=8&from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z', 'from'],
    ['layer=human&res=8&category=weather', 'category'],
    ['layer=human&res=8&colour=red', 'colour'],
  ])('refuses %s with a 400 naming %s', async (query, parameter) => {
    const response = await get(query);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'CT_ERR_BAD_PARAMETER', parameter });
  });

  it('refuses a resolution finer than the stored one with its own code', async () => {
    const response = await get('layer=physical&metric=pm25&res=10');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'CT_ERR_RESOLUTION_TOO_FINE', parameter: 'res' });
  });

  it('refuses an unknown API key', async () => {
    const response = await get('layer=human&res=8', { authorization: 'Bearer nope' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('CT_ERR_UNAUTHORIZED');
  });
  it('gives the same cells as parallel arrays with format=columnar, and the default answer is unchanged', async () => {
    const objects = (await get('layer=human&res=9', { authorization: 'Bearer op-key' })).json();
    const response = await get('layer=human&res=9&format=columnar', { authorization: 'Bearer op-key' });
    expect(response.statusCode).toBe(200);
    const columnar = response.json();
    expect(objects.format).toBeUndefined();
    expect(columnar).toMatchObject({ format: 'columnar', layer: 'human', res: 9, length: 2, from: objects.from, to: objects.to });
    expect(columnar.cells).toBeUndefined();
    const rebuilt = columnar.h3.map((h3: string, index: number) => ({ h3, value: columnar.value[index], count: columnar.count[index] }));
    expect(rebuilt).toEqual(objects.cells);
    const physical = (await get('layer=physical&metric=noise_db&res=9&format=columnar')).json();
    expect(physical).toMatchObject({ format: 'columnar', metric: 'noise_db', length: 1, h3: [cell9], value: [60], count: [2] });
  });

  it('documents the columnar answer in the OpenAPI document', async () => {
    const document = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const cells = document.paths['/api/cells'].get;
    expect(cells.parameters.find((parameter: { name: string }) => parameter.name === 'format').schema.enum).toEqual(['objects', 'columnar']);
    expect(JSON.stringify(cells.responses['200'])).toContain('columnar');
  });

  it('refuses an unknown format', async () => {
    const response = await get('layer=human&res=8&format=arrow');
    expect(response.statusCode).toBe(400);
  });
});
