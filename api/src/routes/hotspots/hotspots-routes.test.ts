import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridDisk } from 'h3-js';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { APPEALS_PER_PLANTED_CELL, BLIND, CENTRE, CONFIRMED, DISC, FIXTURE_NOW_MS, SILENT, loadFusionFixture } from '../../testing/fusion-fixture';

interface HotspotRow { h3: string; value: number; z: number; p: number; class: string; confidence: number | null }

describe('GET /api/hotspots', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ env: { API_KEYS: 'op-key=operator' }, nowMs: FIXTURE_NOW_MS });
    await loadFusionFixture(t.store.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (query: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/api/hotspots?${query}`, headers });
  const operator = { authorization: 'Bearer op-key' };
  const byCell = (cells: HotspotRow[]) => new Map(cells.map((cell) => [cell.h3, cell]));

  it('finds the loud areas on the physical layer and lists every sensor cell', async () => {
    const response = await get('layer=physical&metric=noise_db&res=8');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ layer: 'physical', metric: 'noise_db', res: 8, rings: 1, fdr: true });
    expect(body.n).toBe(body.cells.length);
    expect(body.n).toBe(DISC.length - gridDisk(BLIND, 2).length);
    const cells = byCell(body.cells);
    expect(cells.get(CONFIRMED)).toMatchObject({ value: 80 + (DISC.indexOf(CONFIRMED) % 5) - 2, class: 'hot', confidence: 99 });
    expect(cells.get(SILENT)).toMatchObject({ class: 'hot', confidence: 99 });
    expect(cells.get(CENTRE)!.class).toBe('none');
    expect(cells.has(BLIND)).toBe(false);
  });

  it('counts appeals over the whole study area, zeros included, and finds the reported areas', async () => {
    const body = (await get('layer=human&category=noise&res=8', operator)).json();
    expect(body).toMatchObject({ layer: 'human', category: 'noise', res: 8 });
    // Every disc cell is active (a garbage appeal 30 days ago); ring 1 around the disc joins with 0.
    expect(body.n).toBe(gridDisk(CENTRE, 9).length);
    expect(body.cells).toHaveLength(body.n);
    const cells = byCell(body.cells);
    expect(cells.get(CONFIRMED)).toMatchObject({ value: APPEALS_PER_PLANTED_CELL, class: 'hot', confidence: 99 });
    expect(cells.get(BLIND)).toMatchObject({ value: APPEALS_PER_PLANTED_CELL, class: 'hot', confidence: 99 });
    expect(cells.get(SILENT)).toMatchObject({ value: 0, class: 'none' });
    expect(body.cells.filter((cell: HotspotRow) => cell.value === 0).length).toBeGreaterThan(100);
  });

  it('classifies at plain alpha with fdr=false and at the Benjamini-Hochberg cut-off by default', async () => {
    const plain = (await get('layer=human&category=noise&res=8&fdr=false', operator)).json();
    expect(plain.fdr).toBe(false);
    for (const cell of plain.cells as HotspotRow[]) expect(cell.class !== 'none').toBe(cell.p <= 0.1 && cell.z !== 0);
    const corrected = (await get('layer=human&category=noise&res=8', operator)).json();
    const p = (corrected.cells as HotspotRow[]).map((cell) => cell.p).sort((a, b) => a - b);
    const m = p.length;
    let cutoff = 0;
    p.forEach((value, k) => {
      if (value <= ((k + 1) / m) * 0.1) cutoff = value;
    });
    expect(cutoff).toBeGreaterThan(0);
    for (const cell of corrected.cells as HotspotRow[]) expect(cell.class !== 'none').toBe(cell.p <= cutoff && cell.z !== 0);
  });

  it('widens the neighbourhood with rings', async () => {
    const one = byCell((await get('layer=human&category=noise&res=8&rings=1', operator)).json().cells);
    const two = (await get('layer=human&category=noise&res=8&rings=2', operator)).json();
    expect(two.rings).toBe(2);
    expect(two.n).toBe(gridDisk(CENTRE, 10).length);
    expect(byCell(two.cells).get(CONFIRMED)!.z).not.toBeCloseTo(one.get(CONFIRMED)!.z, 3);
  });

  it('shows anonymous callers res 8 at most and no cell under 3 appeals, with statistics from all data', async () => {
    const full = byCell((await get('layer=human&category=noise&res=8', operator)).json().cells);
    const response = await get('layer=human&category=noise&res=9');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ res: 8, suppressedBelow: 3, n: full.size });
    expect(body.cells.length).toBe(gridDisk(CONFIRMED, 1).length + gridDisk(BLIND, 1).length);
    for (const cell of body.cells as HotspotRow[]) {
      expect(cell.value).toBeGreaterThanOrEqual(3);
      expect(cell).toEqual(full.get(cell.h3));
    }
  });

  it('leaves the physical layer as it is for anonymous callers', async () => {
    const body = (await get('layer=physical&metric=noise_db&res=8')).json();
    expect(body.suppressedBelow).toBeUndefined();
    expect(body.cells).toHaveLength(body.n);
  });

  it('answers an empty window with no cells', async () => {
    const body = (await get('layer=physical&metric=pm25&res=8')).json();
    expect(body).toMatchObject({ n: 0, cells: [] });
  });

  it.each([
    ['metric=noise_db', 'layer'],
    ['layer=sky&metric=noise_db', 'layer'],
    ['layer=physical', 'metric'],
    ['layer=physical&metric=radon', 'metric'],
    ['layer=human&category=weather', 'category'],
    ['layer=human&category=', 'category'],
    ['layer=physical&metric=noise_db&res=4', 'res'],
    ['layer=physical&metric=noise_db&res=11', 'res'],
    ['layer=physical&metric=noise_db&res=8.5', 'res'],
    ['layer=physical&metric=noise_db&rings=0', 'rings'],
    ['layer=physical&metric=noise_db&rings=4', 'rings'],
    ['layer=physical&metric=noise_db&rings=two', 'rings'],
    ['layer=physical&metric=noise_db&fdr=maybe', 'fdr'],
    ['layer=physical&metric=noise_db&from=yesterday', 'from'],
    ['layer=physical&metric=noise_db&to=2026-13-01T00:00:00Z', 'to'],
    ['layer=physical&metric=noise_db&from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z', 'from'],
    ['layer=physical&metric=noise_db&colour=red', 'colour'],
  ])('refuses %s with a 400 naming %s', async (query, parameter) => {
    const response = await get(query);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'CT_ERR_BAD_PARAMETER', parameter });
  });

  it('refuses a resolution finer than the stored one with its own code', async () => {
    const response = await get('layer=physical&metric=noise_db&res=10');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'CT_ERR_RESOLUTION_TOO_FINE', parameter: 'res' });
  });
});
