import type { H3Cell } from '../grid/cell';
import { classifyEmergingPattern, type EmergingPattern } from './emerging-patterns';
import { mannKendall } from './mann-kendall';
import type { SpaceTimeCube } from './space-time-cube';
import { spaceTimeGiStar, type SpaceTimeOptions } from './space-time-gi-star';

/** One location of an emerging-hot-spot analysis. */
export interface EmergingHotspotCell {
  h3: H3Cell;
  pattern: EmergingPattern;
  /** Mann-Kendall trend of the location's Gi* z-scores. */
  trend: { z: number; p: number };
  /** Gi* z of each step, oldest first. */
  z: number[];
}

export interface EmergingHotspotOptions extends SpaceTimeOptions {
  /** Significance of the Mann-Kendall trend (default 0.1). */
  trendAlpha?: number;
}

/**
 * ArcGIS Pro's Emerging Hot Spot Analysis on a cube: space-time Gi* of every
 * bin with the FDR correction per step ({@link spaceTimeGiStar}), the
 * Mann-Kendall trend of each location's z-scores ({@link mannKendall}) and
 * its pattern ({@link classifyEmergingPattern}). Cells come back in the
 * cube's order.
 * @example analyseEmergingHotspots(cube, { rings: 1, timeLag: 1 })[0] // { h3, pattern: 'new_hot', trend: { z: 1.9, p: 0.06 }, z: [...] }
 */
export function analyseEmergingHotspots(cube: SpaceTimeCube, options: EmergingHotspotOptions = {}): EmergingHotspotCell[] {
  const n = cube.cells.length;
  const steps = cube.steps;
  const { z, bins } = spaceTimeGiStar(cube, options);
  const series = new Float64Array(steps);
  const cellBins = new Int8Array(steps);
  return cube.cells.map((h3, i) => {
    for (let t = 0; t < steps; t += 1) {
      series[t] = z[t * n + i]!;
      cellBins[t] = bins[t * n + i]!;
    }
    const test = mannKendall(series);
    const trend = { z: test.z, p: test.p };
    return { h3, pattern: classifyEmergingPattern(cellBins, trend, options.trendAlpha), trend, z: Array.from(series) };
  });
}
