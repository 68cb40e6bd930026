/**
 * The Benjamini-Hochberg step-up cut-off: with the m p-values sorted,
 * p_(1) <= ... <= p_(m), find the largest k with p_(k) <= (k / m) · alpha and
 * return p_(k); every test with p <= that cut-off is significant, and the
 * expected share of false discoveries among them is at most `alpha`.
 * Returns 0 when no k qualifies (then every p is > 0, so `p <= 0` holds for none).
 * NaN p-values count as tests that fail (as p = 1).
 *
 * Sources: Benjamini & Hochberg (1995), "Controlling the false discovery
 * rate", JRSS B 57(1) 289-300; applied to local spatial statistics by
 * Caldas de Castro & Singer (2006), Geographical Analysis 38(2) 180-208,
 * the correction ArcGIS Pro's Hot Spot Analysis applies with FDR on.
 * @example falseDiscoveryRate([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216], 0.05) // 0.008
 */
export function falseDiscoveryRate(pValues: ArrayLike<number>, alpha: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  const m = pValues.length;
  const sorted = new Float64Array(m);
  for (let i = 0; i < m; i += 1) {
    const p = pValues[i]!;
    sorted[i] = Number.isNaN(p) ? 1 : p;
  }
  sorted.sort();
  for (let k = m; k >= 1; k -= 1) {
    const p = sorted[k - 1]!;
    if (p <= (k / m) * alpha) return p;
  }
  return 0;
}
