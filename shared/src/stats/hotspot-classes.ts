import { falseDiscoveryRate } from './false-discovery-rate';

/** A cell's hotspot class: significantly high (hot), low (cold), or neither. */
export type HotspotClass = 'hot' | 'cold' | 'none';

/** Confidence levels in percent, strictest first. */
export const CONFIDENCE_LEVELS = [99, 95, 90] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** The largest p-value significant at each confidence level. */
export type SignificanceCutoffs = Readonly<Record<Confidence, number>>;

/** A cell's class and the highest confidence at which it holds (`null` for `none`). */
export interface HotspotBin {
  class: HotspotClass;
  confidence: Confidence | null;
}

const ALPHA: Readonly<Record<Confidence, number>> = { 99: 0.01, 95: 0.05, 90: 0.1 };

/**
 * The p-value cut-off of each confidence level for one family of tests:
 * with `fdr`, the Benjamini-Hochberg cut-off at alpha = 0.01, 0.05 and 0.10
 * ({@link falseDiscoveryRate}), else alpha itself (the uncorrected test).
 * @example significanceCutoffs(pValues, true) // { 99: 0.0004, 95: 0.003, 90: 0.008 }
 */
export function significanceCutoffs(pValues: ArrayLike<number>, fdr: boolean): SignificanceCutoffs {
  if (!fdr) return ALPHA;
  return { 99: falseDiscoveryRate(pValues, ALPHA[99]), 95: falseDiscoveryRate(pValues, ALPHA[95]), 90: falseDiscoveryRate(pValues, ALPHA[90]) };
}

/**
 * Classifies one test as ArcGIS's `Gi_Bin` does: hot (z > 0) or cold (z < 0)
 * at the highest confidence whose cut-off its p passes (`p <= cut-off`),
 * otherwise `none`.
 * @example classifyHotspot(3.1, 0.0019, { 99: 0.004, 95: 0.02, 90: 0.05 }) // { class: 'hot', confidence: 99 }
 */
export function classifyHotspot(z: number, p: number, cutoffs: SignificanceCutoffs): HotspotBin {
  if (z === 0 || Number.isNaN(z)) return { class: 'none', confidence: null };
  for (const level of CONFIDENCE_LEVELS) {
    if (p <= cutoffs[level]) return { class: z > 0 ? 'hot' : 'cold', confidence: level };
  }
  return { class: 'none', confidence: null };
}

/**
 * True when a bin passes a minimum confidence (99 passes 95 and 90).
 * @example meetsConfidence({ class: 'hot', confidence: 95 }, 99) // false
 */
export function meetsConfidence(bin: HotspotBin, minimum: Confidence): boolean {
  return bin.confidence !== null && bin.confidence >= minimum;
}
