import { describe, expect, it } from 'vitest';
import { falseDiscoveryRate } from './false-discovery-rate';

// Ten p-values, sorted. Step-up thresholds (k/10)·alpha, worked by hand:
//   alpha 0.05: 0.005, 0.010, 0.015, ... -> p(1) = 0.001 <= 0.005 and p(2) = 0.008 <= 0.010, no larger k: cut-off 0.008
//   alpha 0.10: 0.01, 0.02, ..., 0.06, 0.07 -> p(6) = 0.059 <= 0.06, p(7) = 0.074 > 0.07 and none above: cut-off 0.059
//   alpha 0.01: 0.001, 0.002, ... -> p(1) = 0.001 <= 0.001: cut-off 0.001
// scipy.stats.false_discovery_control (adjusted p <= alpha) selects the same sets: {0.001}, {0.001, 0.008}
// and {0.001, 0.008, 0.039, 0.041, 0.042, 0.059}.
const P = [0.041, 0.001, 0.216, 0.039, 0.059, 0.008, 0.042, 0.205, 0.074, 0.212];

describe('falseDiscoveryRate', () => {
  it('finds the Benjamini-Hochberg cut-off worked by hand, whatever the input order', () => {
    expect(falseDiscoveryRate(P, 0.05)).toBe(0.008);
    expect(falseDiscoveryRate(P, 0.1)).toBe(0.059);
    expect(falseDiscoveryRate(P, 0.01)).toBe(0.001);
  });

  it('steps up: a larger p below its threshold carries smaller ones that miss theirs', () => {
    // Thresholds 0.0125, 0.025, 0.0375, 0.05: 0.02 and 0.03 miss theirs, 0.035 <= 0.0375 takes them along.
    expect(falseDiscoveryRate([0.02, 0.03, 0.035, 0.9], 0.05)).toBe(0.035);
  });

  it('returns 0 when nothing is significant, and counts NaN as a failed test', () => {
    expect(falseDiscoveryRate([0.5, 0.2, 0.9], 0.05)).toBe(0);
    expect(falseDiscoveryRate([], 0.05)).toBe(0);
    expect(falseDiscoveryRate([0.001, Number.NaN], 0.05)).toBe(0.001);
  });

  it('refuses an alpha outside (0, 1)', () => {
    expect(() => falseDiscoveryRate([0.1], 0)).toThrow(RangeError);
    expect(() => falseDiscoveryRate([0.1], 1)).toThrow(RangeError);
  });
});
