import { colourAt, type Rgb, type Rgba } from './palette';

/**
 * Gi* z-scores, cold to hot: ColorBrewer RdBu (reversed), a neutral grey in the
 * middle so z ≈ 0 reads as "nothing special" on the dark map.
 */
export const DIVERGING_PALETTE: readonly Rgb[] = [
  [33, 102, 172],
  [103, 169, 207],
  [140, 140, 150],
  [239, 138, 98],
  [178, 24, 43],
];

/** |z| at which the scale saturates: 3.29 is two-sided p = 0.001. */
export const Z_SATURATION = 3.29;

/**
 * Position of a z-score on the symmetric diverging scale, 0 (cold) to 1 (hot), 0.5 at z = 0.
 * @example zPosition(1.645) // 0.75
 */
export function zPosition(z: number, saturation = Z_SATURATION): number {
  if (!Number.isFinite(z)) return 0.5;
  return Math.min(1, Math.max(0, 0.5 + z / (2 * saturation)));
}

export function zColour(z: number, alpha = 210): Rgba {
  const [r, g, b] = colourAt(DIVERGING_PALETTE, zPosition(z));
  return [r, g, b, alpha];
}
