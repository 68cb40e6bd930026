import { describe, expect, it } from 'vitest';
import { seasonalBaseline } from './seasonal-baseline';

describe('seasonalBaseline', () => {
  it('takes the same step of each earlier period, skipping gaps', () => {
    // period 3: index 10 looks at 7, 4, 1 (and not beyond the start)
    const series = [0, 5, 0, 0, 9, 0, 0, 6, 0, 0, 40];
    expect(seasonalBaseline(series, 10, 3, 4, 2)).toEqual({ median: 6, mad: 1, n: 3 });
    const gappy = [0, 5, 0, 0, Number.NaN, 0, 0, 6, 0, 0, 40];
    expect(seasonalBaseline(gappy, 10, 3, 4, 2)).toEqual({ median: 5.5, mad: 0.5, n: 2 });
  });

  it('has no baseline before enough periods have passed', () => {
    expect(seasonalBaseline([1, 2, 3, 4], 3, 3, 4, 2)).toBeNull();
  });
});
