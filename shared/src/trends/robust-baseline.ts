/** A robust centre and spread of a baseline sample. */
export interface RobustBaseline {
  median: number;
  /** Median absolute deviation from the median (unscaled). */
  mad: number;
  /** How many values the baseline was made of. */
  n: number;
}

/**
 * Scales a MAD to estimate the standard deviation of normal data:
 * 1 / Φ⁻¹(3/4) = 1.4826 (Rousseeuw & Croux 1993, "Alternatives to the median
 * absolute deviation", JASA 88(424) 1273-1283, eq. 1).
 */
export const MAD_TO_SIGMA = 1.4826;

function medianOfSorted(sorted: Float64Array): number {
  const n = sorted.length;
  const middle = n >> 1;
  return n % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The median of `values` and their median absolute deviation
 * MAD = median(|x_i − median(x)|), both robust to a minority of outliers (an
 * incident inside the baseline does not hide the next one). Non-finite values
 * are skipped; an empty sample gives NaN for both.
 *
 * Source: Hampel (1974), "The influence curve and its role in robust
 * estimation", JASA 69(346) 383-393; Rousseeuw & Croux (1993).
 * @example robustBaseline([10, 12, 11, 50]) // { median: 11.5, mad: 1, n: 4 }
 */
export function robustBaseline(values: ArrayLike<number>): RobustBaseline {
  const kept: number[] = [];
  for (let i = 0; i < values.length; i += 1) if (Number.isFinite(values[i])) kept.push(values[i]!);
  if (kept.length === 0) return { median: Number.NaN, mad: Number.NaN, n: 0 };
  const sorted = Float64Array.from(kept).sort();
  const median = medianOfSorted(sorted);
  const deviations = sorted.map((value) => Math.abs(value - median)).sort();
  return { median, mad: medianOfSorted(deviations), n: kept.length };
}

/**
 * The robust z-score of `value` against a baseline:
 *
 *   z = (x − median) / max(1.4826 · MAD, minScale)
 *
 * 1.4826 · MAD estimates σ for normal data ({@link MAD_TO_SIGMA}), so z reads
 * like an ordinary z-score (Iglewicz & Hoaglin (1993), "How to Detect and
 * Handle Outliers", ASQC, whose "modified z-score" 0.6745 (x − median) / MAD
 * is the same number). `minScale` (> 0) keeps a baseline whose values were
 * nearly all equal (MAD = 0) from turning any small change into an infinite z.
 * @example robustZ(20, { median: 11.5, mad: 1, n: 4 }, 0.5) // 5.733
 */
export function robustZ(value: number, baseline: Pick<RobustBaseline, 'median' | 'mad'>, minScale: number): number {
  if (!(minScale > 0)) throw new RangeError(`minScale must be > 0, got ${minScale}`);
  return (value - baseline.median) / Math.max(MAD_TO_SIGMA * baseline.mad, minScale);
}
