import type { MetricSpec } from '@citytwin/shared';

/**
 * The `q`-quantile (0..1) of sorted values, linear between closest ranks
 * (Hyndman & Fan 1996, definition 7 — R's default and NumPy's `linear`).
 * @example quantileSorted([1, 2, 3, 4, 5], 0.5) // 3
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const low = Math.floor(h);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!);
}

/** Lower and upper quantiles of a robust domain: one extreme cell in fifty does not stretch the colours. */
export const ROBUST_QUANTILES = [0.02, 0.98] as const;

/**
 * Colour domain of a metric from the values in view: their 2nd to 98th
 * percentile, clamped to the catalogue's valid range. With no spread (one
 * value, all equal) the domain widens by 1 % of the catalogue range each way
 * so the colours still mean something; with no values it is the catalogue range.
 * @example robustDomain([50, 52, 55, 60, 140], METRICS.noise_db) // ≈ [50.2, 133.6]
 */
export function robustDomain(values: ArrayLike<number>, spec: Pick<MetricSpec, 'min' | 'max'>): [min: number, max: number] {
  const finite = Float64Array.from(Array.prototype.filter.call(values, Number.isFinite) as number[]).sort();
  if (finite.length === 0) return [spec.min, spec.max];
  const clamp = (value: number) => Math.min(spec.max, Math.max(spec.min, value));
  let low = clamp(quantileSorted(finite, ROBUST_QUANTILES[0]));
  let high = clamp(quantileSorted(finite, ROBUST_QUANTILES[1]));
  if (high - low <= 0) {
    const pad = (spec.max - spec.min) / 100;
    low = clamp(low - pad);
    high = clamp(high + pad);
  }
  return [low, high];
}

/**
 * The top of the appeal-count scale: the 98th percentile of the counts in view
 * (at least 1), so one cell with a hundred appeals does not wash out the rest.
 * @example robustMaxCount([1, 2, 3, 100]) // ≈ 94.2
 */
export function robustMaxCount(counts: ArrayLike<number>): number {
  const sorted = Float64Array.from(counts as ArrayLike<number>).sort();
  return sorted.length === 0 ? 1 : Math.max(1, quantileSorted(sorted, ROBUST_QUANTILES[1]));
}
