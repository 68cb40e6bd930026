import { gridDisk, gridDistance, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { analyseHotspots } from './hotspot-analysis';

const CENTRE = latLngToCell(39.9042, 116.4074, 8);
const RING1 = gridDisk(CENTRE, 1).filter((cell) => cell !== CENTRE);
const RING2 = gridDisk(CENTRE, 2).filter((cell) => gridDistance(CENTRE, cell) === 2);

// The grid worked by hand in gi-star.test.ts: centre 10, ring 1 all 4, ring 2 all 1.
// Centre z = 3.5003, p = 0.000465; ring 1 z = 1.6529, p = 0.0983; ring 2 p >= 0.51.
function workedGrid(): Map<string, number> {
  return new Map([[CENTRE, 10], ...RING1.map((cell) => [cell, 4] as const), ...RING2.map((cell) => [cell, 1] as const)]);
}

describe('analyseHotspots', () => {
  it('classifies without FDR at plain alpha: the centre hot at 99, ring 1 hot at 90', () => {
    const cells = analyseHotspots(workedGrid(), { fdr: false });
    const byCell = new Map(cells.map((cell) => [cell.h3, cell]));
    expect(byCell.get(CENTRE)).toMatchObject({ value: 10, class: 'hot', confidence: 99 });
    expect(byCell.get(CENTRE)!.z).toBeCloseTo(3.5003001071816877, 12);
    for (const cell of RING1) expect(byCell.get(cell)).toMatchObject({ value: 4, class: 'hot', confidence: 90 });
    for (const cell of RING2) expect(byCell.get(cell)).toMatchObject({ value: 1, class: 'none', confidence: null });
  });

  it('applies Benjamini-Hochberg over all 19 tests: ring 1 is no longer significant', () => {
    // Worked by hand: sorted p = 0.000465, 6 x 0.0983, ...; at alpha 0.01 the first passes
    // 0.01/19 = 0.000526; no k >= 2 passes k/19 * alpha at 0.05 or 0.10 (0.0983 > 7/19 * 0.10).
    const cells = analyseHotspots(workedGrid(), { fdr: true });
    expect(cells.filter((cell) => cell.class !== 'none').map((cell) => [cell.h3, cell.class, cell.confidence])).toEqual([[CENTRE, 'hot', 99]]);
  });

  it('keeps the order of the input and defaults to ring 1 with FDR', () => {
    const grid = workedGrid();
    expect(analyseHotspots(grid).map((cell) => cell.h3)).toEqual([...grid.keys()]);
    expect(analyseHotspots(grid)).toEqual(analyseHotspots(grid, { rings: 1, fdr: true }));
  });

  it('gives an isolated cell (no neighbour among the values) the plain z-score (x - mean) / S', () => {
    const far = gridDisk(CENTRE, 9).filter((cell) => gridDistance(CENTRE, cell) === 9);
    const values = new Map(far.filter((_, i) => i % 5 === 0).slice(0, 10).map((cell, i) => [cell, i === 0 ? 20 : i]));
    const x = [...values.values()];
    const mean = x.reduce((sum, v) => sum + v, 0) / x.length;
    const s = Math.sqrt(x.reduce((sum, v) => sum + (v - mean) ** 2, 0) / x.length);
    const isolated = analyseHotspots(values)[0]!;
    expect(gridDistance(far[0]!, far[5]!)).toBeGreaterThan(1);
    expect(isolated.z).toBeCloseTo((20 - mean) / s, 12);
  });

  it('marks a significant low cluster cold', () => {
    const grid = new Map([...workedGrid()].map(([cell, value]) => [cell, -value]));
    expect(analyseHotspots(grid, { fdr: false }).find((cell) => cell.h3 === CENTRE)).toMatchObject({ class: 'cold', confidence: 99 });
  });

  it('refuses rings below 1', () => {
    expect(() => analyseHotspots(workedGrid(), { rings: 0 })).toThrow(RangeError);
  });
});
