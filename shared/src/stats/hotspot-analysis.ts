import type { H3Cell } from '../grid/cell';
import { cellNeighbourGraph } from './neighbour-graph';
import { giStarOnGraph } from './gi-star';
import { classifyHotspot, significanceCutoffs, type Confidence, type HotspotClass } from './hotspot-classes';

/** One cell of a hotspot analysis: its value, Gi* z and p, and its class. */
export interface HotspotCell {
  h3: H3Cell;
  value: number;
  z: number;
  p: number;
  class: HotspotClass;
  confidence: Confidence | null;
}

export interface HotspotOptions {
  /** Neighbourhood radius in grid steps (gridDisk k); default 1. */
  rings?: number;
  /** Correct for multiple tests with Benjamini-Hochberg (default true). */
  fdr?: boolean;
  /**
   * Counts only: the fewest events a cell's neighbourhood must hold for it to
   * be classed hot (default 0, no floor). See {@link MIN_HOT_SPOT_EVENTS}.
   */
  minHotEvents?: number;
}

/**
 * The floor of events (appeals) in a hot spot's neighbourhood. Gi*'s p-value
 * comes from the normal approximation, which fails for sparse counts: among
 * 271 cells holding 5 appeals, two appeals in neighbouring cells give
 * z = 5.3 (p ≈ 1e-7), a "99 %" hot spot made of two events. With at least
 * three events in the neighbourhood that artefact is gone while real
 * clusters (a handful of appeals in a few cells) still pass.
 */
export const MIN_HOT_SPOT_EVENTS = 3;

/**
 * Hot Spot Analysis of one layer: Getis-Ord Gi* of every cell of `values`
 * (see {@link giStarOnGraph}), then each cell's class at the highest
 * confidence its p passes — the Benjamini-Hochberg cut-offs over all cells'
 * p-values with `fdr`, else plain alpha (ArcGIS Pro's `Gi_Bin` with and
 * without its FDR correction). With `minHotEvents`, a cell whose
 * neighbourhood holds fewer events is not classed hot (its z and p stay).
 * Cells come back in the order of `values`.
 * @example analyseHotspots(new Map([[cellA, 9], [cellB, 1], ...]), { rings: 1, fdr: true })[0] // { h3: cellA, value: 9, z: 3.2, p: 0.0014, class: 'hot', confidence: 99 }
 */
export function analyseHotspots(values: ReadonlyMap<H3Cell, number>, options: HotspotOptions = {}): HotspotCell[] {
  const rings = options.rings ?? 1;
  if (!Number.isInteger(rings) || rings < 1) throw new RangeError(`rings must be a whole number >= 1, got ${rings}`);
  const cells = [...values.keys()];
  const x = Float64Array.from(values.values());
  const graph = cellNeighbourGraph(cells, rings);
  const { z, p } = giStarOnGraph(x, graph);
  const cutoffs = significanceCutoffs(p, options.fdr ?? true);
  const minHotEvents = options.minHotEvents ?? 0;
  const neighbourhoodSum = (i: number) => {
    let sum = 0;
    for (let k = graph.offsets[i]!; k < graph.offsets[i + 1]!; k += 1) sum += x[graph.index[k]!]!;
    return sum;
  };
  return cells.map((h3, i) => {
    let bin = classifyHotspot(z[i]!, p[i]!, cutoffs);
    if (bin.class === 'hot' && minHotEvents > 0 && neighbourhoodSum(i) < minHotEvents) bin = { class: 'none', confidence: null };
    return { h3, value: x[i]!, z: z[i]!, p: p[i]!, class: bin.class, confidence: bin.confidence };
  });
}
