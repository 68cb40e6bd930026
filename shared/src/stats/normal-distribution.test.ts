import { describe, expect, it } from 'vitest';
import { standardNormalCdf, standardNormalUpperTail, twoSidedPValue } from './normal-distribution';

// Reference values: scipy.stats.norm.sf (SciPy 1.17, Cephes ndtr), to 16 digits.
const UPPER_TAIL: ReadonlyArray<[z: number, q: number]> = [
  [0, 0.5],
  [0.3, 0.3820885778110474],
  [0.66, 0.25462691467133614],
  [0.7, 0.24196365222307303],
  [1, 0.15865525393145707],
  [1.959963984540054, 0.025],
  [3, 0.0013498980316300933],
  [4, 3.167124183311986e-5],
  [5.6, 1.0717590258310887e-8],
  [5.7, 5.99037140106353e-9],
  [8, 6.22096057427174e-16],
  [12, 1.776482112077653e-33],
  [20, 2.7536241186061556e-89],
  [37, 5.7255712225239266e-300],
];

describe('standardNormalUpperTail', () => {
  it.each(UPPER_TAIL)('Q(%s) matches the reference to 1e-12 relative', (z, q) => {
    expect(Math.abs(standardNormalUpperTail(z) - q) / q).toBeLessThan(1e-12);
  });

  it('is 1 - Q(|x|) for negative x, and 0 or 1 beyond |x| = 50', () => {
    expect(standardNormalUpperTail(-1)).toBeCloseTo(1 - 0.15865525393145707, 15);
    expect(standardNormalUpperTail(60)).toBe(0);
    expect(standardNormalUpperTail(-60)).toBe(1);
    expect(standardNormalUpperTail(Number.NaN)).toBeNaN();
  });
});

describe('standardNormalCdf', () => {
  it('matches the reference on both sides of the mean', () => {
    expect(standardNormalCdf(-1.5)).toBeCloseTo(0.06680720126885807, 15);
    expect(standardNormalCdf(0.25)).toBeCloseTo(0.5987063256829237, 15);
  });
});

describe('twoSidedPValue', () => {
  it('gives the 90, 95 and 99 % critical values their p', () => {
    expect(twoSidedPValue(1.6448536269514722)).toBeCloseTo(0.1, 14);
    expect(twoSidedPValue(-1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedPValue(2.5758293035489004)).toBeCloseTo(0.01, 14);
  });

  it('is 1 at z = 0 and symmetric', () => {
    expect(twoSidedPValue(0)).toBe(1);
    expect(twoSidedPValue(-3)).toBe(twoSidedPValue(3));
  });
});
