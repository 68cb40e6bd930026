import { gridDisk } from 'h3-js';
import type { H3Cell } from '../grid/cell';
import { COVERAGE_RINGS } from './coverage';

/** One recommended sensor site. */
export interface PlacementPick {
  h3: H3Cell;
  /** Appeals in uncovered cells that a sensor here (covering its ring-1 disc) would cover. */
  covers: number;
  /** Appeals covered by this pick and all before it. */
  cumulative: number;
}

export interface PlacementAdvice {
  picks: PlacementPick[];
  uncoveredBefore: number;
  uncoveredAfter: number;
}

/** Best candidate by score, ties to the smallest cell index, so the advice is deterministic. */
function bestCandidate(scores: ReadonlyMap<H3Cell, number>): [H3Cell, number] | undefined {
  let best: [H3Cell, number] | undefined;
  for (const [cell, score] of scores) {
    if (score > 0 && (!best || score > best[1] || (score === best[1] && cell < best[0]))) best = [cell, score];
  }
  return best;
}

/**
 * Where `k` new sensors would cover the most appeals that no sensor covers
 * now, picked greedily (the standard greedy for maximum coverage, within
 * 1 - 1/e of the optimum: Nemhauser, Wolsey & Fisher 1978): each pick is the
 * cell whose ring-1 disc holds the most appeals in still-uncovered cells, and
 * those cells are then covered. Fewer than `k` picks come back when nothing
 * is left to cover.
 * @example pickSensorPlacements(new Map([[a, 5], [b, 2]]), new Set(), 1) // { picks: [{ h3: a or a neighbour, covers: 7, cumulative: 7 }], uncoveredBefore: 7, uncoveredAfter: 0 }
 */
export function pickSensorPlacements(appealCounts: ReadonlyMap<H3Cell, number>, covered: ReadonlySet<H3Cell>, k: number): PlacementAdvice {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a whole number >= 0, got ${k}`);
  const uncovered = new Map<H3Cell, number>();
  for (const [cell, count] of appealCounts) if (count > 0 && !covered.has(cell)) uncovered.set(cell, count);
  const scores = new Map<H3Cell, number>();
  for (const [cell, count] of uncovered) {
    for (const site of gridDisk(cell, COVERAGE_RINGS)) scores.set(site, (scores.get(site) ?? 0) + count);
  }
  const uncoveredBefore = [...uncovered.values()].reduce((sum, count) => sum + count, 0);
  const picks: PlacementPick[] = [];
  let cumulative = 0;
  while (picks.length < k) {
    const best = bestCandidate(scores);
    if (!best) break;
    const [site, covers] = best;
    for (const cell of gridDisk(site, COVERAGE_RINGS)) {
      const count = uncovered.get(cell);
      if (count === undefined) continue;
      uncovered.delete(cell);
      for (const other of gridDisk(cell, COVERAGE_RINGS)) scores.set(other, scores.get(other)! - count);
    }
    cumulative += covers;
    picks.push({ h3: site, covers, cumulative });
  }
  return { picks, uncoveredBefore, uncoveredAfter: uncoveredBefore - cumulative };
}
