import { cellNeighbourGraph, type NeighbourGraph } from '../stats/neighbour-graph';
import { giStarOnGraph, type GiStarArrays } from '../stats/gi-star';
import { falseDiscoveryRate } from '../stats/false-discovery-rate';
import type { SpaceTimeCube } from './space-time-cube';

export interface SpaceTimeOptions {
  /** Spatial neighbourhood: the gridDisk of this radius (default 1). */
  rings?: number;
  /** How many earlier steps join a bin's neighbourhood (default 1; 0 = purely spatial). */
  timeLag?: number;
}

/**
 * The space-time neighbourhoods of a cube of `steps` x n cells, positions
 * numbered `t * n + i`: bin (i, t) neighbours the cells of `spatial`'s row i
 * at steps t, t − 1, ..., t − timeLag (those that exist), itself included.
 * Pentagon flags carry over to every step.
 * @example spaceTimeNeighbourGraph(graph, 30, 1).offsets.length // 30 * n + 1
 */
export function spaceTimeNeighbourGraph(spatial: NeighbourGraph, steps: number, timeLag: number): NeighbourGraph {
  if (!Number.isInteger(timeLag) || timeLag < 0) throw new RangeError(`timeLag must be a whole number >= 0, got ${timeLag}`);
  const n = spatial.offsets.length - 1;
  const rowLength = (i: number) => spatial.offsets[i + 1]! - spatial.offsets[i]!;
  const offsets = new Int32Array(n * steps + 1);
  let total = 0;
  for (let t = 0; t < steps; t += 1) {
    const depth = Math.min(t, timeLag) + 1;
    for (let i = 0; i < n; i += 1) {
      total += rowLength(i) * depth;
      offsets[t * n + i + 1] = total;
    }
  }
  const index = new Int32Array(total);
  const pentagon = new Uint8Array(n * steps);
  let k = 0;
  for (let t = 0; t < steps; t += 1) {
    for (let i = 0; i < n; i += 1) {
      for (let back = 0; back <= Math.min(t, timeLag); back += 1) {
        const base = (t - back) * n;
        for (let e = spatial.offsets[i]!; e < spatial.offsets[i + 1]!; e += 1) index[k++] = base + spatial.index[e]!;
      }
      pentagon[t * n + i] = spatial.pentagon[i]!;
    }
  }
  return { offsets, index, pentagon };
}

/** A bin is significant at 90 % confidence, the lowest level ArcGIS's `Gi_Bin` reports. */
export const SIGNIFICANCE_ALPHA = 0.1;

/** Space-time Gi* of every bin, and each bin's significance within its step. */
export interface SpaceTimeGiStar extends GiStarArrays {
  /** Per bin: 1 a hot spot, −1 a cold spot (at 90 % confidence or more after the step's FDR correction), 0 neither. */
  bins: Int8Array;
  /** The 90 % Benjamini-Hochberg p cut-off of each step (0: nothing significant). */
  cutoffs: Float64Array;
}

/**
 * Getis-Ord Gi* of every bin of a space-time cube, as ArcGIS Pro's Emerging
 * Hot Spot Analysis computes it: each bin's neighbourhood is the ring-`rings`
 * disc of its cell in its own step and in the previous `timeLag` steps, itself
 * included ({@link spaceTimeNeighbourGraph}); the mean and standard deviation
 * are those of all bins of the cube (the formula and degenerate cases of
 * `giStarOnGraph`). A bin is hot or cold when its p passes the 90 %
 * Benjamini-Hochberg cut-off of its own step (one family of tests per step).
 *
 * Sources: ArcGIS Pro, "How Emerging Hot Spot Analysis works" and "How
 * Create Space Time Cube works" (neighbourhood distance and time step
 * interval); Ord & Getis (1995), Geographical Analysis 27(4) eq. 14;
 * Benjamini & Hochberg (1995).
 * @example spaceTimeGiStar(cube, { rings: 1, timeLag: 1 }).z[t * cube.cells.length + i]
 */
export function spaceTimeGiStar(cube: SpaceTimeCube, options: SpaceTimeOptions = {}): SpaceTimeGiStar {
  const rings = options.rings ?? 1;
  const n = cube.cells.length;
  if (cube.values.length !== n * cube.steps) throw new RangeError(`a cube of ${n} cells x ${cube.steps} steps needs ${n * cube.steps} values, got ${cube.values.length}`);
  const graph = spaceTimeNeighbourGraph(cellNeighbourGraph(cube.cells, rings), cube.steps, options.timeLag ?? 1);
  const { z, p } = giStarOnGraph(cube.values, graph);
  const bins = new Int8Array(n * cube.steps);
  const cutoffs = new Float64Array(cube.steps);
  for (let t = 0; t < cube.steps; t += 1) {
    // The same test as classifyHotspot at 90 %: p <= the step's cut-off, z != 0.
    const cutoff = falseDiscoveryRate(p.subarray(t * n, (t + 1) * n), SIGNIFICANCE_ALPHA);
    cutoffs[t] = cutoff;
    for (let i = t * n; i < (t + 1) * n; i += 1) if (p[i]! <= cutoff && z[i] !== 0) bins[i] = z[i]! > 0 ? 1 : -1;
  }
  return { z, p, bins, cutoffs };
}
