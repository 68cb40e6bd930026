import { useMemo } from 'react';
import type { MetricSpec } from '@citytwin/shared';
import type { CellColumns } from '../api/cell-columns';
import { cellLayerBuffers, type CellLayerBuffers } from '../layers/cell-buffers';
import { fillColours } from '../layers/cell-colours';
import { countColour } from '../layers/colour-scale';
import { hexCentroids } from '../layers/hex-geometry';
import { physicalColouring, type PhysicalColouring } from '../layers/physical-colour';
import { robustMaxCount } from '../layers/robust-domain';
import { valuesInView, type ViewBounds } from '../layers/values-in-view';
import type { ScaleMode } from './view-state';

export interface CellLayers {
  colouring: PhysicalColouring;
  /** Top of the appeal-count scale: robust over the appeal cells in view. */
  maxAppeals: number;
  physical: CellLayerBuffers;
  humanFilled: CellLayerBuffers;
  humanOutlined: CellLayerBuffers;
}

/**
 * The binary layer data of both signals. Centres and the hexagon shape are
 * computed once per data change; colours once per colour change (scale,
 * domain of the cells in view, z-scores) — a pan that moves the domain
 * re-colours, it never rebuilds geometry. `needs` skips the appeal variant
 * the mode does not draw.
 */
export function useCellLayers(
  physical: CellColumns, human: CellColumns, scale: ScaleMode, metric: MetricSpec, zByCell: ReadonlyMap<string, number>,
  bounds: ViewBounds | undefined, needs: { filled: boolean; outlined: boolean },
): CellLayers {
  const physicalCentres = useMemo(() => hexCentroids(physical), [physical]);
  const humanCentres = useMemo(() => hexCentroids(human), [human]);
  const shownValues = useMemo(() => valuesInView(physical.value, physicalCentres, bounds), [physical, physicalCentres, bounds]);
  const shownCounts = useMemo(() => valuesInView(human.count, humanCentres, bounds), [human, humanCentres, bounds]);
  const candidate = useMemo(() => physicalColouring(scale, metric, shownValues, zByCell), [scale, metric, shownValues, zByCell]);
  // The same domain again (a pan within similar cells) keeps the colour buffer.
  const colouring = useMemo(() => candidate, [candidate.key]);
  const maxAppeals = useMemo(() => robustMaxCount(shownCounts), [shownCounts]);

  const physicalFill = useMemo(() => fillColours(physical, colouring.colour), [physical, colouring]);
  const filled = useMemo(() => (needs.filled ? fillColours(human, (cell) => countColour(cell.count, maxAppeals, 210)) : new Uint8Array(human.length * 4)), [human, maxAppeals, needs.filled]);
  const faint = useMemo(() => (needs.outlined ? fillColours(human, (cell) => countColour(cell.count, maxAppeals, 80)) : new Uint8Array(human.length * 4)), [human, maxAppeals, needs.outlined]);
  const line = useMemo(() => (needs.outlined ? fillColours(human, (cell) => countColour(cell.count, maxAppeals, 255)) : new Uint8Array(human.length * 4)), [human, maxAppeals, needs.outlined]);

  const physicalBuffers = useMemo(() => cellLayerBuffers(physical, physicalCentres, physicalFill), [physical, physicalCentres, physicalFill]);
  const humanFilled = useMemo(() => cellLayerBuffers(human, humanCentres, filled), [human, humanCentres, filled]);
  const humanOutlined = useMemo(() => cellLayerBuffers(human, humanCentres, faint, line), [human, humanCentres, faint, line]);
  return { colouring, maxAppeals, physical: physicalBuffers, humanFilled, humanOutlined };
}
