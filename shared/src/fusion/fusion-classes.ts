import { gridDisk } from 'h3-js';
import type { H3Cell } from '../grid/cell';
import type { HotspotCell } from '../stats/hotspot-analysis';
import { meetsConfidence, type Confidence, type HotspotClass } from '../stats/hotspot-classes';
import { COVERAGE_RINGS, coveredCells } from './coverage';

/** What the two signals say together about a cell. */
export type FusionClass = 'confirmed' | 'blind_spot' | 'silent_risk' | 'none';

export const FUSION_CLASSES = ['confirmed', 'blind_spot', 'silent_risk', 'none'] as const satisfies readonly FusionClass[];

/** One layer's statistics in a fused cell. */
export interface FusedLayer {
  value: number;
  z: number;
  p: number;
  class: HotspotClass;
  confidence: Confidence | null;
}

export interface FusedCell {
  h3: H3Cell;
  class: FusionClass;
  /** A sensor of the metric reported in the window in this cell or a ring-1 neighbour. */
  covered: boolean;
  /** The cell's own sensors' statistics; null where no sensor of the metric reported in it. */
  physical: FusedLayer | null;
  human: FusedLayer;
}

export interface FusionSummary {
  confirmed: number;
  blind_spot: number;
  silent_risk: number;
  covered: number;
  cells: number;
}

export interface FusionInput {
  /** Hotspot analysis of the human layer's study area. */
  human: readonly HotspotCell[];
  /** Hotspot analysis of the physical layer's study area (cells with a sensor of the metric). */
  physical: readonly HotspotCell[];
  /** The metric's `higherIsWorse`: when false, a physical problem is a significant cold spot. */
  higherIsWorse: boolean;
  /** Minimum confidence of a problem on either layer. */
  confidence: Confidence;
}

function layerOf(cell: HotspotCell): FusedLayer {
  return { value: cell.value, z: cell.z, p: cell.p, class: cell.class, confidence: cell.confidence };
}

function classOf(humanProblem: boolean, physicalProblem: boolean): FusionClass {
  if (humanProblem && physicalProblem) return 'confirmed';
  if (humanProblem) return 'blind_spot';
  if (physicalProblem) return 'silent_risk';
  return 'none';
}

/**
 * Fuses the two layers' hotspots cell by cell:
 * - human problem: a human hot spot at `confidence` or better;
 * - physical problem: a physical hot spot (cold spot when `higherIsWorse` is
 *   false) at `confidence` or better in the cell's own sensors — or, for a
 *   cell without a sensor of its own, in a ring-1 neighbour's, the sensor that
 *   covers it;
 * - `confirmed` = both, `blind_spot` = a human problem alone (which includes
 *   every human problem in an uncovered cell), `silent_risk` = a physical
 *   problem alone, `none` otherwise.
 * The cells are the union of both study areas, ordered by cell; every
 * physical cell must also be in the human study area (it is, by its rule).
 * @example fuseHotspots({ human, physical, higherIsWorse: true, confidence: 95 }).summary // { confirmed: 3, blind_spot: 1, silent_risk: 0, covered: 40, cells: 900 }
 */
export function fuseHotspots(input: FusionInput): { cells: FusedCell[]; summary: FusionSummary } {
  const problemClass: HotspotClass = input.higherIsWorse ? 'hot' : 'cold';
  const physicalByCell = new Map(input.physical.map((cell) => [cell.h3, cell]));
  const ownProblem = (cell: HotspotCell | undefined) => cell !== undefined && cell.class === problemClass && meetsConfidence(cell, input.confidence);
  const covered = coveredCells(physicalByCell.keys());
  const humanByCell = new Map(input.human.map((cell) => [cell.h3, cell]));
  for (const h3 of physicalByCell.keys()) {
    if (!humanByCell.has(h3)) throw new RangeError(`physical cell ${h3} is outside the human study area`);
  }
  const summary: FusionSummary = { confirmed: 0, blind_spot: 0, silent_risk: 0, covered: 0, cells: 0 };
  const cells = [...humanByCell.keys()].sort().map((h3): FusedCell => {
    const human = humanByCell.get(h3)!;
    const own = physicalByCell.get(h3);
    const isCovered = covered.has(h3);
    const physicalProblem = own ? ownProblem(own) : isCovered && gridDisk(h3, COVERAGE_RINGS).some((near) => ownProblem(physicalByCell.get(near)));
    const fused = classOf(human.class === 'hot' && meetsConfidence(human, input.confidence), physicalProblem);
    if (fused !== 'none') summary[fused] += 1;
    if (isCovered) summary.covered += 1;
    summary.cells += 1;
    return { h3, class: fused, covered: isCovered, physical: own ? layerOf(own) : null, human: layerOf(human) };
  });
  return { cells, summary };
}
