import { twoSidedPValue } from '../stats/normal-distribution';

/** The Mann-Kendall trend test of one series. */
export interface MannKendallResult {
  /** S = Σ_{i<j} sign(x_j − x_i): positive for a rising series. */
  s: number;
  /** Var(S) under no trend, with the tie correction. */
  variance: number;
  /** The continuity-corrected standard normal deviate. */
  z: number;
  /** Two-sided p-value of z. */
  p: number;
}

/** Σ t(t − 1)(2t + 5) over the groups of tied values (t = size of a group). */
function tieCorrection(values: ArrayLike<number>, n: number): number {
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i += 1) sorted[i] = values[i]!;
  sorted.sort();
  let correction = 0;
  let run = 1;
  for (let i = 1; i <= n; i += 1) {
    if (i < n && sorted[i] === sorted[i - 1]) {
      run += 1;
      continue;
    }
    if (run > 1) correction += run * (run - 1) * (2 * run + 5);
    run = 1;
  }
  return correction;
}

/**
 * The Mann-Kendall test for a monotonic trend in a series taken at equal steps:
 *
 *   S = Σ_{i<j} sign(x_j − x_i)
 *   Var(S) = [n(n − 1)(2n + 5) − Σ_g t_g(t_g − 1)(2t_g + 5)] / 18   (t_g: size of tie group g)
 *   z = (S − 1)/√Var(S) if S > 0,  0 if S = 0,  (S + 1)/√Var(S) if S < 0
 *
 * and p = 2 Q(|z|), the two-sided normal p-value. Fewer than 2 values, or a
 * series of one value repeated (Var(S) = 0), give S = 0, z = 0, p = 1.
 *
 * Sources: Mann (1945), "Nonparametric tests against trend", Econometrica
 * 13(3) 245-259; Kendall (1975), "Rank Correlation Methods", 4th ed.;
 * Gilbert (1987), "Statistical Methods for Environmental Pollution
 * Monitoring", ch. 16, eqs. 16.3-16.5 (the tie correction and the continuity
 * correction used here); the test ArcGIS Pro's Emerging Hot Spot Analysis
 * runs on each location's Gi* z-scores.
 * @example mannKendall([1, 2, 3, 4, 5]) // { s: 10, variance: 16.667, z: 2.205, p: 0.0275 }
 */
export function mannKendall(values: ArrayLike<number>): MannKendallResult {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n - 1; i += 1) {
    const xi = values[i]!;
    for (let j = i + 1; j < n; j += 1) {
      const d = values[j]! - xi;
      s += d > 0 ? 1 : d < 0 ? -1 : 0;
    }
  }
  const variance = n < 2 ? 0 : (n * (n - 1) * (2 * n + 5) - tieCorrection(values, n)) / 18;
  if (!(variance > 0) || s === 0) return { s, variance, z: 0, p: 1 };
  const z = (s > 0 ? s - 1 : s + 1) / Math.sqrt(variance);
  return { s, variance, z, p: twoSidedPValue(z) };
}
