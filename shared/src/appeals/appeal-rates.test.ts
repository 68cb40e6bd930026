import { describe, expect, it } from 'vitest';
import { computeRates, rankAreasByRates, type RateCounts } from './appeal-rates';

function counts(partial: Partial<RateCounts>): RateCounts {
  return { received: 0, responded: 0, respondedInTime: 0, resolved: 0, rated: 0, satisfied: 0, basicallySatisfied: 0, ...partial };
}

describe('computeRates', () => {
  it('computes the documented formulas', () => {
    const rates = computeRates(counts({ received: 4, responded: 4, respondedInTime: 3, resolved: 2, rated: 2, satisfied: 1 }));
    expect(rates.responseRate).toBe(0.75);
    expect(rates.resolutionRate).toBe(0.5);
    expect(rates.satisfactionRate).toBe(0.5);
    expect(rates.score).toBeCloseTo(100 * (0.1 * 0.75 + 0.45 * 0.5 + 0.45 * 0.5), 10);
  });

  it('counts basically satisfied as satisfied', () => {
    expect(computeRates(counts({ received: 3, rated: 3, satisfied: 1, basicallySatisfied: 1 })).satisfactionRate).toBeCloseTo(2 / 3, 12);
  });

  it('gives null for an empty denominator and scores only the rates that exist', () => {
    const rates = computeRates(counts({ received: 2, respondedInTime: 1 }));
    expect(rates).toMatchObject({ responseRate: 0.5, resolutionRate: null, satisfactionRate: null });
    expect(rates.score).toBeCloseTo(50, 12);
    expect(computeRates(counts({})).score).toBeNull();
  });
});

describe('rankAreasByRates', () => {
  const perfect = counts({ received: 1, responded: 1, respondedInTime: 1, resolved: 1, rated: 1, satisfied: 1 });
  const half = counts({ received: 2, responded: 2, respondedInTime: 1, resolved: 1, rated: 2, satisfied: 1 });

  it('ranks by score with shared ranks for ties and reports the change', () => {
    const ranked = rankAreasByRates(
      [{ area: 'A', counts: half }, { area: 'B', counts: perfect }, { area: 'C', counts: perfect }, { area: 'D', counts: counts({}) }],
      [{ area: 'A', counts: perfect }, { area: 'B', counts: half }],
    );
    expect(ranked.map((row) => [row.area, row.rank, row.previousRank, row.rankChange])).toEqual([
      ['B', 1, 2, 1],
      ['C', 1, null, null],
      ['A', 3, 1, -2],
      ['D', null, null, null],
    ]);
    expect(ranked[0]?.scoreChange).toBeCloseTo(100 - 50, 10);
  });
});
