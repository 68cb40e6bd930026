import { studentTTwoSidedP } from './student-t';

/**
 * Pearson's r of two equally long series; NaN when either is constant or
 * shorter than 2.
 * @example pearson([1, 2, 3], [2, 4, 7]) // 0.9934
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`series differ in length: ${n} and ${y.length}`);
  if (n < 2) return Number.NaN;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i += 1) {
    sx += x[i]!;
    sy += y[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

/** Ranks 1..n, ties sharing the mean of their ranks. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(n);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && values[order[end]!] === values[order[start]!]) end += 1;
    const rank = (start + end + 1) / 2;
    for (let k = start; k < end; k += 1) ranks[order[k]!] = rank;
    start = end;
  }
  return ranks;
}

/** A correlation coefficient, its two-sided p-value and the number of pairs. */
export interface CorrelationTest {
  rho: number;
  p: number;
  n: number;
}

/**
 * Spearman's rank correlation: Pearson's r of the average ranks (ties
 * included), with the two-sided p of t = ρ √((n − 2) / (1 − ρ²)) on n − 2
 * degrees of freedom. Fewer than 3 pairs or a constant series give ρ = NaN,
 * p = 1 (the JSON of a route shows them as null and 1).
 *
 * Sources: Spearman (1904), Am. J. Psychol. 15(1); Zar (1972), "Significance
 * testing of the Spearman rank correlation coefficient", JASA 67(339); the
 * same p as scipy.stats.spearmanr.
 * @example spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) // { rho: 0.821, p: 0.0886, n: 5 }
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): CorrelationTest {
  const n = x.length;
  const rho = pearson(averageRanks(x), averageRanks(y));
  if (n < 3 || Number.isNaN(rho)) return { rho: Number.NaN, p: 1, n };
  if (Math.abs(rho) >= 1) return { rho, p: 0, n };
  const t = rho * Math.sqrt((n - 2) / (1 - rho * rho));
  return { rho, p: studentTTwoSidedP(t, n - 2), n };
}

/** Pearson's r between a leading series and a following one shifted by `lag` steps. */
export interface LaggedCorrelation {
  lag: number;
  r: number;
  /** Pairs that overlap at this lag. */
  n: number;
}

/**
 * Cross-correlation of `leading` (x) and `following` (y) at lags 0..maxLag:
 * r(k) = Pearson's r of the pairs (x_t, y_{t+k}), so a positive lag k with
 * the largest r says y follows x by k steps. Each lag uses only the pairs
 * where both values are finite (a NaN marks a step without data) and their
 * own means, so every r is a true correlation (Box, Jenkins & Reinsel, "Time
 * Series Analysis", §12.1, estimated per lag rather than with whole-series means).
 * @example laggedCorrelation([0, 1, 0, 0, 1, 0], [0, 0, 1, 0, 0, 1], 2)[1] // { lag: 1, r: 1, n: 5 }
 */
export function laggedCorrelation(leading: ArrayLike<number>, following: ArrayLike<number>, maxLag: number): LaggedCorrelation[] {
  if (leading.length !== following.length) throw new RangeError(`series differ in length: ${leading.length} and ${following.length}`);
  const n = leading.length;
  const result: LaggedCorrelation[] = [];
  for (let lag = 0; lag <= maxLag; lag += 1) {
    const x: number[] = [];
    const y: number[] = [];
    for (let t = 0; t + lag < n; t += 1) {
      const a = leading[t]!;
      const b = following[t + lag]!;
      if (Number.isFinite(a) && Number.isFinite(b)) {
        x.push(a);
        y.push(b);
      }
    }
    result.push({ lag, r: pearson(x, y), n: x.length });
  }
  return result;
}

/**
 * The lag with the largest r (the earliest on equal r); null when no lag has a finite r.
 * @example bestLag([{ lag: 0, r: 0.1, n: 9 }, { lag: 1, r: 0.8, n: 8 }]) // 1
 */
export function bestLag(correlations: readonly LaggedCorrelation[]): number | null {
  let best: LaggedCorrelation | null = null;
  for (const entry of correlations) if (Number.isFinite(entry.r) && (best === null || entry.r > best.r)) best = entry;
  return best?.lag ?? null;
}
