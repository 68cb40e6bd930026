import { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { Layer } from '@deck.gl/core';
import type { CellDatum } from '../api/api-types';
import type { FusionCell } from '../api/analysis-types';
import type { AreaLabel } from '../map/area-labels';
import { buildMapLayers, type MapLayersInput } from '../layers/map-layers';
import type { PhysicalColouring } from '../layers/physical-colour';

export const ALERT_LAYER_ID = 'wall-alert-cells';

export interface WallLayersInput {
  fusion: boolean;
  physical: readonly CellDatum[];
  human: readonly CellDatum[];
  fused: readonly FusionCell[];
  alertCells: readonly string[];
  /** The physical layer's colours (the wall keeps them while the domain barely moves: `stickyColouring`). */
  colouring: PhysicalColouring;
  /** `_dataDiff` of the live layers' data (`LiveLayerData.dataDiff`). */
  physicalDataDiff?: MapLayersInput['physicalDataDiff'];
  humanDataDiff?: MapLayersInput['humanDataDiff'];
  maxAppeals: number;
  labels: readonly AreaLabel[];
  beforeId: string;
}

const ignore = () => undefined;

/**
 * What the wall's one map draws: the planner's overlay (physical fill,
 * appeals as outlines) or its fusion classes on the fusion scene, and always
 * the open alerts' cells outlined on top. The layer ids stay the same as the
 * data moves, so deck.gl updates the layers it has instead of building new ones.
 */
export function buildWallLayers(input: WallLayersInput): Layer[] {
  const base = buildMapLayers({
    role: input.fusion ? 'fusion' : 'overlay', physical: input.physical, human: input.human, fusion: input.fused.filter((cell) => cell.class !== 'none'),
    placement: [], physicalColouring: input.colouring, maxAppeals: input.maxAppeals,
    physicalDataDiff: input.physicalDataDiff, humanDataDiff: input.humanDataDiff,
    showPhysical: true, showHuman: true, hovered: undefined, labels: input.labels, beforeId: input.beforeId, onHover: ignore, onClick: ignore,
  });
  const alerts = new H3HexagonLayer<string>({
    id: ALERT_LAYER_ID, data: input.alertCells, getHexagon: (h3) => h3, extruded: false, filled: false, stroked: true,
    getLineColor: [255, 255, 255, 255], lineWidthUnits: 'pixels', getLineWidth: 5, lineWidthMinPixels: 4,
  });
  return [...base, alerts];
}
