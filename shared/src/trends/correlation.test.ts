import { describe, expect, it } from 'vitest';
import { averageRanks, bestLag, laggedCorrelation, pearson, spearman } from './correlation';
import { regularisedIncompleteBeta, studentTTwoSidedP } from './student-t';

describe('Student t and the incomplete beta', () => {
  it('match reference values (scipy.stats 1.17: t.sf, beta.cdf)', () => {
    expect(studentTTwoSidedP(2.228, 10)).toBeCloseTo(0.05001177181711132, 10);
    expect(regularisedIncompleteBeta(2, 3, 0.4)).toBeCloseTo(0.5248, 12);
    expect(studentTTwoSidedP(0, 7)).toBeCloseTo(1, 12);
  });
});

describe('spearman', () => {
  it('ranks ties by their mean rank', () => {
    expect(Array.from(averageRanks([3, 1, 4, 1, 5]))).toEqual([3, 1.5, 4, 1.5, 5]);
  });

  it('matches scipy.stats.spearmanr, with and without ties', () => {
    const small = spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]);
    expect(small.rho).toBeCloseTo(0.8207826816681233, 12);
    expect(small.p).toBeCloseTo(0.08858700531354384, 9);
    const tied = spearman([3, 1, 4, 1, 5, 9, 2, 6], [2, 7, 1, 8, 2, 8, 1, 8]);
    expect(tied).toMatchObject({ n: 8 });
    expect(tied.rho).toBeCloseTo(0.19885368120992467, 12);
    expect(tied.p).toBeCloseTo(0.6368617833253286, 9);
  });

  it('gives NaN and p = 1 for a constant series', () => {
    expect(spearman([1, 1, 1, 1], [1, 2, 3, 4])).toMatchObject({ p: 1, n: 4 });
  });
});

describe('laggedCorrelation', () => {
  it('finds a planted two-step lag', () => {
    const x = Array.from({ length: 48 }, (_, t) => Math.sin(t / 3) + ((t * 7) % 5) / 4);
    const y = x.map((_, t) => (t >= 2 ? 2 * x[t - 2]! + 1 : 0));
    const lags = laggedCorrelation(x, y, 6);
    expect(lags).toHaveLength(7);
    expect(lags[2]).toMatchObject({ lag: 2, n: 46 });
    expect(lags[2]!.r).toBeCloseTo(1, 12);
    expect(bestLag(lags)).toBe(2);
  });

  it('counts the overlapping pairs of each lag', () => {
    expect(laggedCorrelation([0, 1, 0, 0, 1, 0], [0, 0, 1, 0, 0, 1], 2)).toEqual([
      { lag: 0, r: pearson([0, 1, 0, 0, 1, 0], [0, 0, 1, 0, 0, 1]), n: 6 },
      { lag: 1, r: 1, n: 5 },
      { lag: 2, r: pearson([0, 1, 0, 0], [1, 0, 0, 1]), n: 4 },
    ]);
    expect(bestLag([{ lag: 0, r: Number.NaN, n: 0 }])).toBeNull();
  });

  it('skips pairs where either step has no data', () => {
    const lags = laggedCorrelation([1, Number.NaN, 3, 4, 2], [1, 2, Number.NaN, 4, 2], 0);
    expect(lags[0]).toEqual({ lag: 0, r: pearson([1, 4, 2], [1, 4, 2]), n: 3 });
  });
});
