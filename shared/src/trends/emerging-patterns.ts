/** The trends an emerging-hot-spot pattern can have, hot and cold alike. */
export const EMERGING_KINDS = ['new', 'consecutive', 'intensifying', 'persistent', 'diminishing', 'sporadic', 'oscillating', 'historical'] as const;
export type EmergingKind = (typeof EMERGING_KINDS)[number];

/** ArcGIS's 17 patterns: each kind `_hot` or `_cold`, or `no_pattern`. */
export type EmergingPattern = `${EmergingKind}_${'hot' | 'cold'}` | 'no_pattern';

export const EMERGING_PATTERNS: readonly EmergingPattern[] = [
  ...EMERGING_KINDS.map((kind) => `${kind}_hot` as const),
  ...EMERGING_KINDS.map((kind) => `${kind}_cold` as const),
  'no_pattern',
];

/** The share of steps that makes a location "always" hot (or cold): 90 %. */
export const MOSTLY_SHARE = 0.9;

/** A location's trend: the Mann-Kendall z and p of its Gi* z-scores. */
export interface TrendTest {
  z: number;
  p: number;
}

/**
 * The kind of one family (hot, sign = 1; cold, sign = −1) for a location's
 * bins, or null when none of that family's definitions holds.
 */
function kindOf(bins: ArrayLike<number>, sign: 1 | -1, trend: TrendTest, trendAlpha: number): EmergingKind | null {
  const steps = bins.length;
  const last = steps - 1;
  let inFamily = 0;
  let opposite = 0;
  for (let t = 0; t < steps; t += 1) {
    if (bins[t] === sign) inFamily += 1;
    else if (bins[t] === -sign) opposite += 1;
  }
  const lastIn = bins[last] === sign;
  if (inFamily >= MOSTLY_SHARE * steps) {
    if (!lastIn) return 'historical';
    // Intensifying: the clustering grows stronger, i.e. z moves away from 0 in the family's direction.
    const significant = trend.p <= trendAlpha && trend.z !== 0;
    if (significant && Math.sign(trend.z) === sign) return 'intensifying';
    if (significant) return 'diminishing';
    return 'persistent';
  }
  if (!lastIn) return null;
  let runStart = last;
  while (runStart > 0 && bins[runStart - 1] === sign) runStart -= 1;
  const before = inFamily - (last - runStart + 1);
  if (before === 0) return runStart === last ? 'new' : 'consecutive';
  // The final bin is in the family, so every opposite bin lies before it.
  return opposite > 0 ? 'oscillating' : 'sporadic';
}

/**
 * Classifies a location of a space-time cube into one of the 17 patterns of
 * ArcGIS Pro's Emerging Hot Spot Analysis, from its bins (1 hot, −1 cold,
 * 0 neither, one per step, oldest first) and the Mann-Kendall trend of its
 * Gi* z-scores. For hot spots (cold spots read the same with "cold"):
 *
 * - `new_hot`: hot at the final step and never hot before.
 * - `consecutive_hot`: a single uninterrupted run of at least two hot bins
 *   ending at the final step, never hot before that run, and less than 90 %
 *   of all bins hot.
 * - `intensifying_hot`: hot in at least 90 % of the steps including the
 *   final one, and the intensity of clustering (Gi* z) rises with a
 *   significant trend.
 * - `persistent_hot`: hot in at least 90 % of the steps (the final one
 *   included) with no significant trend.
 * - `diminishing_hot`: hot in at least 90 % of the steps including the
 *   final one, and the intensity falls with a significant trend.
 * - `sporadic_hot`: hot at the final step, on and off before, less than
 *   90 % of the steps hot and never a cold spot.
 * - `oscillating_hot`: hot at the final step, a cold spot at some earlier
 *   step, less than 90 % of the steps hot.
 * - `historical_hot`: not hot at the final step, but hot in at least 90 % of
 *   the steps.
 * - `no_pattern`: none of these.
 *
 * For cold spots "intensifying" means z falls significantly (ever colder).
 * When both families could apply (hot in 90 % of the steps and cold at the
 * final one), the final step's family decides; with a non-significant final
 * step, hot is tried before cold. A trend is significant at p <= `trendAlpha`
 * (default 0.1, the 90 % confidence of the bins).
 *
 * Source: ArcGIS Pro documentation, "How Emerging Hot Spot Analysis works"
 * (pro.arcgis.com/en/pro-app/latest/tool-reference/space-time-pattern-mining/learnmoreemerging.htm),
 * the table of pattern definitions; the same definitions in sfdep's
 * `emerging_hotspot_analysis` (Parry, R package sfdep).
 * @example classifyEmergingPattern([0, 0, 0, 0, 0, 0, 0, 0, 0, 1], { z: 1.2, p: 0.23 }) // 'new_hot'
 */
export function classifyEmergingPattern(bins: ArrayLike<number>, trend: TrendTest, trendAlpha = 0.1): EmergingPattern {
  if (bins.length === 0) return 'no_pattern';
  const last = bins[bins.length - 1];
  const order: Array<1 | -1> = last === -1 ? [-1, 1] : [1, -1];
  for (const sign of order) {
    const kind = kindOf(bins, sign, trend, trendAlpha);
    if (kind) return `${kind}_${sign === 1 ? 'hot' : 'cold'}`;
  }
  return 'no_pattern';
}
