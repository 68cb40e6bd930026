import { describe, expect, it } from 'vitest';
import { MAD_TO_SIGMA, robustBaseline, robustZ } from './robust-baseline';

describe('robustBaseline', () => {
  it('takes the median and the median absolute deviation, unmoved by one outlier', () => {
    // sorted 10 11 12 50 -> median 11.5; |x − 11.5| = 1.5 0.5 0.5 38.5 -> sorted 0.5 0.5 1.5 38.5 -> MAD 1.
    expect(robustBaseline([10, 12, 11, 50])).toEqual({ median: 11.5, mad: 1, n: 4 });
    // odd n: 3 5 9 -> median 5; deviations 2 0 4 -> MAD 2.
    expect(robustBaseline([9, 3, 5])).toEqual({ median: 5, mad: 2, n: 3 });
  });

  it('skips values that are not finite and answers NaN for an empty sample', () => {
    expect(robustBaseline([2, Number.NaN, 4])).toEqual({ median: 3, mad: 1, n: 2 });
    expect(robustBaseline([]).median).toBeNaN();
  });
});

describe('robustZ', () => {
  it('divides by 1.4826 MAD, the normal-consistent scale', () => {
    expect(MAD_TO_SIGMA).toBe(1.4826);
    // (20 − 11.5) / 1.4826 = 5.7331
    expect(robustZ(20, { median: 11.5, mad: 1 }, 0.01)).toBeCloseTo(8.5 / 1.4826, 12);
    expect(robustZ(8, { median: 11.5, mad: 1 }, 0.01)).toBeCloseTo(-3.5 / 1.4826, 12);
  });

  it('uses the floor when the baseline has no spread', () => {
    expect(robustZ(4, { median: 1, mad: 0 }, 0.5)).toBe(6);
    expect(() => robustZ(4, { median: 1, mad: 0 }, 0)).toThrow(RangeError);
  });
});
