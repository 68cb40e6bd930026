import { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { PickingInfo } from '@deck.gl/core';
import type { MetricSpec } from '@citytwin/shared';
import type { CellDatum } from '../api/api-types';
import { countColour, metricColour } from './colour-scale';

export const PHYSICAL_LAYER_ID = 'physical-cells';
export const HUMAN_LAYER_ID = 'human-cells';

/** Which layer a clicked or picked cell came from, with its datum. */
export interface PickedCell {
  layer: 'physical' | 'human';
  cell: CellDatum;
}

export interface CellLayersInput {
  physical: readonly CellDatum[];
  human: readonly CellDatum[];
  metric: MetricSpec;
  showPhysical: boolean;
  showHuman: boolean;
  /** Map layer id the hexagons go below (the area outlines stay on top). */
  beforeId?: string | undefined;
  onClick?: ((picked: PickedCell) => void) | undefined;
}

/** Busiest cell of the human layer, the top of its colour scale. */
export function maxCount(cells: readonly CellDatum[]): number {
  let max = 0;
  for (const cell of cells) if (cell.count > max) max = cell.count;
  return max;
}

/**
 * The two deck.gl layers: physical readings as filled hexagons coloured by
 * severity, appeals on top as bright outlines over a faint fill coloured by
 * count, so both read at once where they overlap.
 */
export function buildCellLayers(input: CellLayersInput): [H3HexagonLayer<CellDatum>, H3HexagonLayer<CellDatum>] {
  const click = (layer: PickedCell['layer']) => (info: PickingInfo<CellDatum>) => {
    if (info.object && input.onClick) input.onClick({ layer, cell: info.object });
    return true;
  };
  const before = input.beforeId ? { beforeId: input.beforeId } : {};
  const busiest = maxCount(input.human);
  const physical = new H3HexagonLayer<CellDatum>({
    id: PHYSICAL_LAYER_ID, data: input.physical, visible: input.showPhysical, pickable: true,
    getHexagon: (cell) => cell.h3, extruded: false, stroked: false, filled: true,
    getFillColor: (cell) => metricColour(cell.value, input.metric, 210),
    updateTriggers: { getFillColor: [input.metric.code] },
    onClick: click('physical'), ...before,
  });
  const human = new H3HexagonLayer<CellDatum>({
    id: HUMAN_LAYER_ID, data: input.human, visible: input.showHuman, pickable: true,
    getHexagon: (cell) => cell.h3, extruded: false, stroked: true, filled: true,
    getFillColor: (cell) => countColour(cell.count, busiest, 80),
    getLineColor: (cell) => countColour(cell.count, busiest, 255),
    lineWidthUnits: 'pixels', getLineWidth: 3, lineWidthMinPixels: 2,
    updateTriggers: { getFillColor: [busiest], getLineColor: [busiest] },
    onClick: click('human'), ...before,
  });
  return [physical, human];
}
