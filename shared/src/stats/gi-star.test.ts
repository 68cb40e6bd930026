import { gridDisk, getPentagons, gridDistance, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { getisOrdGiStar, giStarOnGraph } from './gi-star';
import { cellNeighbourGraph } from './neighbour-graph';

const CENTRE = latLngToCell(39.9042, 116.4074, 8);
const RING1 = gridDisk(CENTRE, 1).filter((cell) => cell !== CENTRE);
const RING2 = gridDisk(CENTRE, 2).filter((cell) => gridDistance(CENTRE, cell) === 2);
/** Ring-2 cells that touch one ring-1 cell (the six in line with an axis) or two (the six between). */
const CORNERS = RING2.filter((cell) => gridDisk(cell, 1).filter((near) => RING1.includes(near)).length === 1);
const EDGES = RING2.filter((cell) => !CORNERS.includes(cell));

// Worked by hand: centre 10, ring 1 all 4, ring 2 all 1; n = 19, Σx = 46, Σx² = 208,
// X̄ = 46/19, S² = 208/19 − (46/19)² = 1836/361.
//   centre:  W = 7, Σwx = 34, z = (34 − 7·46/19) / (S √((19·7 − 49)/18)) = 324/√8568
//   ring 1:  W = 7, Σwx = 25 (itself, the centre, 2 of ring 1, 3 of ring 2), z = 153/√8568
//   corner:  W = 4, Σwx = 7, z = (7 − 4·46/19) / (S √((76 − 16)/18)) = −51/√6120
//   edge:    W = 5, Σwx = 11, z = (11 − 5·46/19) / (S √((95 − 25)/18)) = −21/√7140
// p two-sided from scipy.stats.norm.sf.
const WORKED = { centre: [3.5003001071816877, 0.00046473463638588763], ring1: [1.6529194950580193, 0.09834724894482932], corner: [-0.6519202405202649, 0.5144526269147639], edge: [-0.2485250608738542, 0.8037281824087852] } as const;

function workedGrid(): Map<string, number> {
  return new Map([[CENTRE, 10], ...RING1.map((cell) => [cell, 4] as const), ...RING2.map((cell) => [cell, 1] as const)]);
}

describe('getisOrdGiStar', () => {
  it('matches the hand-worked Gi* of a cell, its ring 1 and its ring 2', () => {
    expect(CORNERS).toHaveLength(6);
    expect(EDGES).toHaveLength(6);
    const result = getisOrdGiStar(workedGrid());
    const expectCell = (cell: string, [z, p]: readonly [number, number]) => {
      expect(result.get(cell)!.z).toBeCloseTo(z, 12);
      expect(result.get(cell)!.p).toBeCloseTo(p, 12);
    };
    expectCell(CENTRE, WORKED.centre);
    RING1.forEach((cell) => expectCell(cell, WORKED.ring1));
    CORNERS.forEach((cell) => expectCell(cell, WORKED.corner));
    EDGES.forEach((cell) => expectCell(cell, WORKED.edge));
  });

  it('widens the neighbourhood with rings', () => {
    // rings = 2: the centre's disc holds all 19 cells, so its numerator Σ(x − X̄) is 0.
    expect(getisOrdGiStar(workedGrid(), { rings: 2 }).get(CENTRE)).toEqual({ z: 0, p: 1 });
  });

  it('gives z = 0, p = 1 for fewer than 3 cells', () => {
    const result = getisOrdGiStar(new Map([[CENTRE, 5], [RING1[0]!, 50]]));
    expect([...result.values()]).toEqual([{ z: 0, p: 1 }, { z: 0, p: 1 }]);
  });

  it('gives z = 0, p = 1 when every value is the same (S = 0)', () => {
    const result = getisOrdGiStar(new Map(gridDisk(CENTRE, 2).map((cell) => [cell, 7.5])));
    expect([...result.values()].every((score) => score.z === 0 && score.p === 1)).toBe(true);
  });

  it('gives z = 0, p = 1 where the neighbourhood is every cell (zero denominator)', () => {
    const triangle = [CENTRE, RING1[0]!, RING1.find((cell) => gridDistance(cell, RING1[0]!) === 1)!];
    const result = getisOrdGiStar(new Map(triangle.map((cell, i) => [cell, i * 3])));
    expect([...result.values()]).toEqual([{ z: 0, p: 1 }, { z: 0, p: 1 }, { z: 0, p: 1 }]);
  });

  it('gives a pentagon z = 0, p = 1 and never NaN around it', () => {
    const pentagon = getPentagons(8)[3]!;
    const cells = gridDisk(pentagon, 2);
    const result = getisOrdGiStar(new Map(cells.map((cell, i) => [cell, cell === pentagon ? 100 : i % 5])));
    expect(result.get(pentagon)).toEqual({ z: 0, p: 1 });
    expect([...result.values()].every((score) => Number.isFinite(score.z) && score.p > 0 && score.p <= 1)).toBe(true);
    expect(result.get(gridDisk(pentagon, 1).find((cell) => cell !== pentagon)!)!.z).toBeGreaterThan(0);
  });

  it('refuses cells of two resolutions and non-finite values', () => {
    expect(() => getisOrdGiStar(new Map([[CENTRE, 1], [latLngToCell(39.9, 116.4, 9), 2], [RING1[0]!, 3]]))).toThrow(/one resolution/);
    expect(() => getisOrdGiStar(new Map([[CENTRE, Number.NaN], [RING1[0]!, 2], [RING1[1]!, 3]]))).toThrow(RangeError);
  });
});

describe('giStarOnGraph', () => {
  it('equals the textbook formula (Σx²/n − X̄², gridDisk neighbours) on irregular data', () => {
    const cells = gridDisk(CENTRE, 6).filter((_, i) => i % 4 !== 1);
    const values = cells.map((_, i) => ((i * 7919) % 101) - 30 + (i % 9 === 0 ? 250 : 0));
    const { z } = giStarOnGraph(values, cellNeighbourGraph(cells, 2));
    const n = values.length;
    const mean = values.reduce((sum, x) => sum + x, 0) / n;
    const s = Math.sqrt(values.reduce((sum, x) => sum + x * x, 0) / n - mean * mean);
    cells.forEach((cell, i) => {
      const near = gridDisk(cell, 2).map((c) => cells.indexOf(c)).filter((j) => j >= 0);
      const w = near.length;
      const expected = (near.reduce((sum, j) => sum + values[j]!, 0) - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)));
      expect(z[i]).toBeCloseTo(expected, 9);
    });
  });
});
