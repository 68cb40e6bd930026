import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridDisk, gridDistance } from 'h3-js';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { APPEALS_PER_PLANTED_CELL, BLIND, CENTRE, CONFIRMED, FIXTURE_NOW_MS, LONE_APPEAL_CELLS, SILENT, loadFusionFixture } from '../../testing/fusion-fixture';

interface FusedRow {
  h3: string;
  class: string;
  covered: boolean;
  physical: { value: number; z: number; p: number; class: string } | null;
  human: { value: number | null; z: number; p: number; class: string };
}

describe('GET /api/fusion and /api/fusion/placement', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ env: { API_KEYS: 'op-key=operator' }, nowMs: FIXTURE_NOW_MS });
    await loadFusionFixture(t.store.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  const operator = { authorization: 'Bearer op-key' };
  const get = (path: string, query: string, headers: Record<string, string> = operator) => t.app.inject({ method: 'GET', url: `${path}?${query}`, headers });
  const fusion = async (query: string, headers?: Record<string, string>) => {
    const response = await get('/api/fusion', query, headers);
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const byCell = (cells: FusedRow[]) => new Map(cells.map((cell) => [cell.h3, cell]));

  it('calls the loud and reported area confirmed, the unheard one a blind spot, the unreported one a silent risk', async () => {
    const body = await fusion('metric=noise_db&category=noise&res=8');
    expect(body).toMatchObject({ metric: 'noise_db', category: 'noise', res: 8, rings: 1, confidence: 95 });
    const cells = byCell(body.cells);
    expect(cells.get(CONFIRMED)).toMatchObject({ class: 'confirmed', covered: true, physical: { class: 'hot' }, human: { value: APPEALS_PER_PLANTED_CELL, class: 'hot' } });
    expect(cells.get(BLIND)).toMatchObject({ class: 'blind_spot', covered: false, physical: null, human: { class: 'hot' } });
    expect(cells.get(SILENT)).toMatchObject({ class: 'silent_risk', covered: true, physical: { class: 'hot' }, human: { value: 0 } });
    expect(cells.get(CENTRE)!.class).toBe('none');
    for (const cell of body.cells as FusedRow[]) {
      const planted = { confirmed: CONFIRMED, blind_spot: BLIND, silent_risk: SILENT }[cell.class as 'confirmed'];
      if (planted) expect(gridDistance(cell.h3, planted)).toBeLessThanOrEqual(2);
    }
  });

  it('sums the classes, the covered cells and all cells', async () => {
    const body = await fusion('metric=noise_db&res=8');
    expect(body.category).toBe('noise');
    const count = (predicate: (cell: FusedRow) => boolean) => (body.cells as FusedRow[]).filter(predicate).length;
    expect(body.summary).toEqual({
      confirmed: count((cell) => cell.class === 'confirmed'),
      blind_spot: count((cell) => cell.class === 'blind_spot'),
      silent_risk: count((cell) => cell.class === 'silent_risk'),
      covered: count((cell) => cell.covered),
      cells: body.cells.length,
    });
    expect(body.summary.confirmed).toBeGreaterThanOrEqual(1);
    // Coverage: every cell but those within one step of the sensor gap around BLIND.
    expect(count((cell) => !cell.covered && gridDistance(cell.h3, BLIND) <= 1)).toBe(7);
  });

  it('asks more of both layers at a higher confidence', async () => {
    const at90 = (await fusion('metric=noise_db&res=8&confidence=90')).summary;
    const at99 = (await fusion('metric=noise_db&res=8&confidence=99')).summary;
    expect(at99.confirmed + at99.blind_spot + at99.silent_risk).toBeLessThanOrEqual(at90.confirmed + at90.blind_spot + at90.silent_risk);
    expect(at99.confirmed).toBeGreaterThanOrEqual(1);
  });

  it('shows anonymous callers res 8 at most and no appeal count under 3, with the same classes', async () => {
    const full = byCell((await fusion('metric=noise_db&res=8')).cells);
    const body = await fusion('metric=noise_db&res=9', {});
    expect(body).toMatchObject({ res: 8, suppressedBelow: 3 });
    expect(body.cells).toHaveLength(full.size);
    for (const cell of body.cells as FusedRow[]) {
      const own = full.get(cell.h3)!;
      expect(cell.class).toBe(own.class);
      expect(cell.human.value).toBe(own.human.value! >= 3 ? own.human.value : null);
    }
    expect(byCell(body.cells).get(LONE_APPEAL_CELLS[0]!)!.human.value).toBeNull();
  });

  it('advises sensors where uncovered appeals are, greedily', async () => {
    const response = await get('/api/fusion/placement', 'metric=noise_db&res=8&k=3');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    // The blind area: 7 cells x 8 appeals, none covered; the other appeals are covered.
    expect(body).toMatchObject({ metric: 'noise_db', category: 'noise', res: 8, uncoveredBefore: 7 * APPEALS_PER_PLANTED_CELL, uncoveredAfter: 0 });
    expect(body.picks).toEqual([{ h3: BLIND, covers: 7 * APPEALS_PER_PLANTED_CELL, cumulative: 7 * APPEALS_PER_PLANTED_CELL }]);
  });

  it('advises for a metric with no sensor at all, from every appeal of its category', async () => {
    const body = (await get('/api/fusion/placement', 'metric=water_level_cm&res=8&k=2')).json();
    expect(body).toMatchObject({ category: 'flooding', uncoveredBefore: 0, picks: [] });
  });

  it('keeps picks covering fewer appeals than the minimum from anonymous callers', async () => {
    const operatorPicks = (await get('/api/fusion/placement', 'metric=noise_db&res=8&k=5&to=2026-06-01T10:30:00Z&from=2026-06-01T08:30:00Z')).json();
    const anonymous = (await get('/api/fusion/placement', 'metric=noise_db&res=9&k=5&to=2026-06-01T10:30:00Z&from=2026-06-01T08:30:00Z', {})).json();
    expect(anonymous).toMatchObject({ res: 8, suppressedBelow: 3 });
    expect(operatorPicks.picks.some((pick: { covers: number }) => pick.covers < 3)).toBe(true);
    expect(anonymous.picks).toEqual(operatorPicks.picks.filter((pick: { covers: number }) => pick.covers >= 3));
    expect(anonymous.uncoveredAfter).toBe(anonymous.uncoveredBefore - (anonymous.picks.at(-1)?.cumulative ?? 0));
  });

  it.each([
    ['/api/fusion', 'category=noise', 'metric'],
    ['/api/fusion', 'metric=radon', 'metric'],
    ['/api/fusion', 'metric=temperature_c', 'metric'],
    ['/api/fusion', 'metric=noise_db&category=air', 'category'],
    ['/api/fusion', 'metric=noise_db&category=noise.construction', 'category'],
    ['/api/fusion', 'metric=noise_db&category=weather', 'category'],
    ['/api/fusion', 'metric=noise_db&res=4', 'res'],
    ['/api/fusion', 'metric=noise_db&rings=5', 'rings'],
    ['/api/fusion', 'metric=noise_db&confidence=80', 'confidence'],
    ['/api/fusion', 'metric=noise_db&confidence=high', 'confidence'],
    ['/api/fusion', 'metric=noise_db&from=soon', 'from'],
    ['/api/fusion', 'metric=noise_db&to=2026-06-01', 'to'],
    ['/api/fusion', 'metric=noise_db&fdr=false', 'fdr'],
    ['/api/fusion/placement', 'k=3', 'metric'],
    ['/api/fusion/placement', 'metric=temperature_c', 'metric'],
    ['/api/fusion/placement', 'metric=noise_db&k=0', 'k'],
    ['/api/fusion/placement', 'metric=noise_db&k=101', 'k'],
    ['/api/fusion/placement', 'metric=noise_db&k=ten', 'k'],
    ['/api/fusion/placement', 'metric=noise_db&res=12', 'res'],
    ['/api/fusion/placement', 'metric=noise_db&from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z', 'from'],
    ['/api/fusion/placement', 'metric=noise_db&category=noise', 'category'],
  ])('%s?%s is a 400 naming %s', async (path, query, parameter) => {
    const response = await get(path, query);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'CT_ERR_BAD_PARAMETER', parameter });
  });

  it('refuses a resolution finer than the stored one with its own code', async () => {
    for (const path of ['/api/fusion', '/api/fusion/placement']) {
      const response = await get(path, 'metric=noise_db&res=10');
      expect(response.json()).toMatchObject({ code: 'CT_ERR_RESOLUTION_TOO_FINE', parameter: 'res' });
    }
  });

  it('lists every cell of the human study area with a class', async () => {
    const body = await fusion('metric=noise_db&res=8&rings=2');
    expect(body.rings).toBe(2);
    expect(body.cells).toHaveLength(gridDisk(CENTRE, 10).length);
  });
});
