import { describe, expect, it } from 'vitest';
import { METRICS } from '@citytwin/shared';
import { quantileSorted, robustDomain, robustMaxCount } from './robust-domain';
import { DIVERGING_PALETTE, zColour, zPosition } from './diverging-scale';
import { FUSION_COLOURS, fusionColour } from './fusion-palette';

describe('robust colour domain', () => {
  it('interpolates quantiles between ranks like R type 7', () => {
    // R: quantile(c(1, 2, 3, 4, 10), c(0.02, 0.5, 0.98)) -> 1.08 3 9.52
    const sorted = [1, 2, 3, 4, 10];
    expect(quantileSorted(sorted, 0.02)).toBeCloseTo(1.08, 10);
    expect(quantileSorted(sorted, 0.5)).toBe(3);
    expect(quantileSorted(sorted, 0.98)).toBeCloseTo(9.52, 10);
  });

  it('takes noise from the 2nd to the 98th percentile of the cells, not 20-140 dB', () => {
    // sorted 50 52 55 60 140: p2 = 50 + 0.08·2 = 50.16, p98 = 60 + 0.92·80 = 133.6
    const [low, high] = robustDomain([60, 52, 140, 50, 55], METRICS.noise_db);
    expect(low).toBeCloseTo(50.16, 10);
    expect(high).toBeCloseTo(133.6, 10);
  });

  it('clamps the domain to the catalogue range and ignores non-finite values', () => {
    // sorted -5 -5 0.5 3: p2 = -5, p98 = 0.5 + 0.94·2.5 = 2.85, both outside 0..1
    expect(robustDomain([3, -5, Number.NaN, 0.5, -5], METRICS.streetlight_on)).toEqual([0, 1]);
  });

  it('widens a domain without spread by 1 % of the catalogue range', () => {
    expect(robustDomain([70, 70, 70], METRICS.noise_db)).toEqual([68.8, 71.2]);
    expect(robustDomain([], METRICS.noise_db)).toEqual([20, 140]);
  });

  it('tops the appeal scale at the 98th percentile of counts', () => {
    expect(robustMaxCount([1, 2, 3, 100])).toBeCloseTo(3 + 0.94 * 97, 10);
    expect(robustMaxCount([])).toBe(1);
  });
});

describe('diverging z scale', () => {
  it('puts z = 0 in the neutral middle and saturates at p = 0.001', () => {
    expect(zPosition(0)).toBe(0.5);
    expect(zPosition(3.29)).toBe(1);
    expect(zPosition(-10)).toBe(0);
    expect(zPosition(Number.NaN)).toBe(0.5);
    expect(zColour(0).slice(0, 3)).toEqual([...DIVERGING_PALETTE[2]!]);
  });
});

describe('fusion palette', () => {
  it('gives each class its Okabe-Ito colour and anything else the faint none', () => {
    expect(fusionColour('confirmed')).toEqual([213, 94, 0, 230]);
    expect(fusionColour('blind_spot')).toEqual(FUSION_COLOURS.blind_spot);
    expect(fusionColour('mystery')).toEqual(FUSION_COLOURS.none);
  });
});
