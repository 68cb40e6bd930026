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
}

/**
 * Hot Spot Analysis of one layer: Getis-Ord Gi* of every cell of `values`
 * (see {@link giStarOnGraph}), then each cell's class at the highest
 * confidence its p passes — the Benjamini-Hochberg cut-offs over all cells'
 * p-values with `fdr`, else plain alpha (ArcGIS Pro's `Gi_Bin` with and
 * without its FDR correction). Cells come back in the order of `values`.
 * @example analyseHotspots(new Map([[cellA, 9], [cellB, 1], ...]), { rings: 1, fdr: true })[0] // { h3: cellA, value: 9, z: 3.2, p: 0.0014, class: 'hot', confidence: 99 }
 */
export function analyseHotspots(values: ReadonlyMap<H3Cell, number>, options: HotspotOptions = {}): HotspotCell[] {
  const rings = options.rings ?? 1;
  if (!Number.isInteger(rings) || rings < 1) throw new RangeError(`rings must be a whole number >= 1, got ${rings}`);
  const cells = [...values.keys()];
  const x = Float64Array.from(values.values());
  const { z, p } = giStarOnGraph(x, cellNeighbourGraph(cells, rings));
  const cutoffs = significanceCutoffs(p, options.fdr ?? true);
  return cells.map((h3, i) => {
    const bin = classifyHotspot(z[i]!, p[i]!, cutoffs);
    return { h3, value: x[i]!, z: z[i]!, p: p[i]!, class: bin.class, confidence: bin.confidence };
  });
}
