import { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { Layer } from '@deck.gl/core';
import type { MetricSpec } from '@citytwin/shared';
import type { CellDatum } from '../api/api-types';
import type { Rgb } from '../layers/palette';
import { buildCellLayers } from '../layers/cell-layers';

/** A fused cell as `/api/fusion` lists it (the fields the wall draws). */
export interface FusedCell {
  h3: string;
  class: 'confirmed' | 'blind_spot' | 'silent_risk' | 'none';
}

/** Okabe-Ito colours, distinguishable with any colour vision (Okabe & Ito, "Color Universal Design", 2008). */
export const FUSION_COLOURS: Readonly<Record<Exclude<FusedCell['class'], 'none'>, Rgb>> = {
  confirmed: [213, 94, 0],
  blind_spot: [86, 180, 233],
  silent_risk: [230, 159, 0],
};

export const FUSION_LAYER_ID = 'wall-fusion-cells';
export const ALERT_LAYER_ID = 'wall-alert-cells';

export interface WallLayersInput {
  fusion: boolean;
  physical: readonly CellDatum[];
  human: readonly CellDatum[];
  fused: readonly FusedCell[];
  alertCells: readonly string[];
  metric: MetricSpec;
  beforeId: string;
}

/**
 * What the wall's one map draws: both live layers, or the fusion classes on
 * the fusion scene, and always the open alerts' cells outlined on top. The
 * layer ids never change, so deck.gl updates the same layers as data moves.
 */
export function buildWallLayers(input: WallLayersInput): Layer[] {
  const [physical, human] = buildCellLayers({
    physical: input.physical, human: input.human, metric: input.metric, showPhysical: !input.fusion, showHuman: !input.fusion, beforeId: input.beforeId,
  });
  const problems = input.fused.filter((cell) => cell.class !== 'none');
  const fusion = new H3HexagonLayer<FusedCell>({
    id: FUSION_LAYER_ID, data: problems, visible: input.fusion, getHexagon: (cell) => cell.h3, extruded: false, stroked: false, filled: true,
    getFillColor: (cell) => [...FUSION_COLOURS[cell.class as keyof typeof FUSION_COLOURS], 220], ...{ beforeId: input.beforeId },
  });
  const alerts = new H3HexagonLayer<string>({
    id: ALERT_LAYER_ID, data: input.alertCells, getHexagon: (h3) => h3, extruded: false, filled: false, stroked: true,
    getLineColor: [255, 255, 255, 255], lineWidthUnits: 'pixels', getLineWidth: 5, lineWidthMinPixels: 4,
  });
  return [physical, human, fusion, alerts];
}
