import { describe, expect, it } from 'vitest';
import { mannKendall } from './mann-kendall';

describe('mannKendall', () => {
  it('matches the worked example with a group of three ties', () => {
    // x = 5, 7, 7, 3, 9, 7. Signs of x_j − x_i for i < j:
    // i=0: + + − + +  (3)   i=1: 0 − + 0 (0)   i=2: − + 0 (0)   i=3: + + (2)   i=4: − (−1)   => S = 4.
    // Var(S) = [6·5·17 − 3·2·11] / 18 = (510 − 66) / 18 = 24.667 (the three 7s are one tie group).
    // z = (4 − 1) / √24.667 = 0.60404, p = 2 Q(0.60404) = 0.54582.
    const result = mannKendall([5, 7, 7, 3, 9, 7]);
    expect(result.s).toBe(4);
    expect(result.variance).toBeCloseTo(444 / 18, 12);
    expect(result.z).toBeCloseTo(0.6040404496926219, 12);
    expect(result.p).toBeCloseTo(0.5458167496705262, 10);
  });

  it('finds a strictly rising series: S = n(n − 1)/2 and z continuity-corrected', () => {
    // n = 5: S = 10, Var = 5·4·15/18 = 16.667, z = 9 / √16.667 = 2.20454, p = 0.027486.
    const result = mannKendall([1, 2, 3, 4, 5]);
    expect(result).toMatchObject({ s: 10 });
    expect(result.z).toBeCloseTo(2.2045407685048604, 12);
    expect(result.p).toBeCloseTo(0.02748633611151033, 10);
  });

  it('is antisymmetric: a falling series has the negated S and z', () => {
    const rising = mannKendall([5, 7, 7, 3, 9, 7]);
    const falling = mannKendall([-5, -7, -7, -3, -9, -7]);
    expect(falling.s).toBe(-rising.s);
    expect(falling.z).toBeCloseTo(-rising.z, 12);
    expect(falling.p).toBeCloseTo(rising.p, 12);
  });

  it('gives z = 0 and p = 1 for no change, a constant series and a single value', () => {
    expect(mannKendall([1, 3, 2, 2, 3, 1])).toMatchObject({ s: 0, z: 0, p: 1 });
    expect(mannKendall([4, 4, 4, 4])).toMatchObject({ s: 0, variance: 0, z: 0, p: 1 });
    expect(mannKendall([4])).toMatchObject({ s: 0, z: 0, p: 1 });
  });
});
