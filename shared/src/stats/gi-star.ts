import type { H3Cell } from '../grid/cell';
import { cellNeighbourGraph, type NeighbourGraph } from './neighbour-graph';
import { twoSidedPValue } from './normal-distribution';

/** A local statistic's z-score and its two-sided p-value. */
export interface ZScore {
  z: number;
  p: number;
}

/** Gi* of every position of a graph, as typed arrays. */
export interface GiStarArrays {
  z: Float64Array;
  p: Float64Array;
}

function neutral(n: number): GiStarArrays {
  return { z: new Float64Array(n), p: new Float64Array(n).fill(1) };
}

/** Deviations from the mean and the population standard deviation S (two-pass, no cancellation). */
function centre(values: ArrayLike<number>): { deviations: Float64Array; s: number } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += values[i]!;
  const mean = sum / n;
  const deviations = new Float64Array(n);
  let squares = 0;
  for (let i = 0; i < n; i += 1) {
    const deviation = values[i]! - mean;
    deviations[i] = deviation;
    squares += deviation * deviation;
  }
  return { deviations, s: Math.sqrt(squares / n) };
}

/**
 * Getis-Ord Gi* with binary weights on a neighbour graph whose neighbourhoods
 * include the position itself:
 *
 *   G*_i = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S · √((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1)))
 *
 * with X̄ the mean and S = √(Σ x_j² / n − X̄²) over all n values (computed as
 * √(Σ (x_j − X̄)² / n), the same number without cancellation). With binary
 * weights Σ w_ij² = Σ w_ij = W_i, the size of the neighbourhood. G*_i is
 * already a standard normal deviate under the null hypothesis; p is two-sided.
 *
 * Sources: Ord & Getis (1995), "Local spatial autocorrelation statistics:
 * distributional issues and an application", Geographical Analysis 27(4),
 * eq. 14; ArcGIS Pro, "How Hot Spot Analysis (Getis-Ord Gi*) works"; R spdep
 * `localG` on `include.self()` weights, style "B".
 *
 * Degenerate cases give z = 0, p = 1, never NaN: fewer than 3 values, S = 0
 * (all values equal), a neighbourhood holding every value (the denominator
 * vanishes), and positions the graph marks as pentagons.
 * @example giStarOnGraph(Float64Array.of(1, 2, 9), graph) // { z: Float64Array [...], p: Float64Array [...] }
 */
export function giStarOnGraph(values: ArrayLike<number>, graph: NeighbourGraph): GiStarArrays {
  const n = values.length;
  if (graph.offsets.length !== n + 1) throw new RangeError(`the graph has ${graph.offsets.length - 1} positions for ${n} values`);
  for (let i = 0; i < n; i += 1) if (!Number.isFinite(values[i])) throw new RangeError(`value at position ${i} is not a finite number (${values[i]})`);
  const result = neutral(n);
  if (n < 3) return result;
  const { deviations, s } = centre(values);
  if (!(s > 0)) return result;
  const { offsets, index, pentagon } = graph;
  for (let i = 0; i < n; i += 1) {
    if (pentagon[i] === 1) continue;
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    const weight = end - start;
    const spread = (n * weight - weight * weight) / (n - 1);
    if (!(spread > 0)) continue;
    let sum = 0;
    for (let k = start; k < end; k += 1) sum += deviations[index[k]!]!;
    const z = sum / (s * Math.sqrt(spread));
    result.z[i] = z;
    result.p[i] = twoSidedPValue(z);
  }
  return result;
}

/**
 * Getis-Ord Gi* of every cell of `values` (H3 cells of one resolution), with
 * the cells of `gridDisk(cell, rings)` present in `values` as neighbours,
 * the cell itself included, binary weights. See {@link giStarOnGraph} for the
 * formula, its sources and the degenerate cases (pentagons get z = 0, p = 1).
 * @example getisOrdGiStar(new Map([[cellA, 12], [cellB, 3], ...]), { rings: 1 }).get(cellA) // { z: 2.1, p: 0.036 }
 */
export function getisOrdGiStar(values: ReadonlyMap<H3Cell, number>, options: { rings?: number } = {}): Map<H3Cell, ZScore> {
  const rings = options.rings ?? 1;
  if (!Number.isInteger(rings) || rings < 1) throw new RangeError(`rings must be a whole number >= 1, got ${rings}`);
  const cells = [...values.keys()];
  const { z, p } = giStarOnGraph(Float64Array.from(values.values()), cellNeighbourGraph(cells, rings));
  const result = new Map<H3Cell, ZScore>();
  cells.forEach((cell, i) => result.set(cell, { z: z[i]!, p: p[i]! }));
  return result;
}
