import { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { Layer } from '@deck.gl/core';
import type { CellDatum } from '../api/api-types';
import type { FusionCell } from '../api/analysis-types';
import type { AreaLabel } from '../map/area-labels';
import { columnsOf, type CellColumns } from '../api/cell-columns';
import { cellLayerBuffers } from '../layers/cell-buffers';
import { fillColours } from '../layers/cell-colours';
import { countColour } from '../layers/colour-scale';
import { hexCentroids } from '../layers/hex-geometry';
import { buildMapLayers } from '../layers/map-layers';
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
  maxAppeals: number;
  labels: readonly AreaLabel[];
  beforeId: string;
}

const ignore = () => undefined;

/** Columns and centres per cell array: a live delta makes a new array, an unchanged layer keeps its geometry. */
const geometryCache = new WeakMap<readonly CellDatum[], { columns: CellColumns; positions: Float32Array }>();

function geometryOf(cells: readonly CellDatum[]): { columns: CellColumns; positions: Float32Array } {
  let entry = geometryCache.get(cells);
  if (!entry) {
    const columns = columnsOf({ layer: 'physical', res: 0, from: '', to: '', cells: [...cells] });
    entry = { columns, positions: hexCentroids(columns) };
    geometryCache.set(cells, entry);
  }
  return entry;
}

/**
 * What the wall's one map draws: the planner's overlay (physical fill,
 * appeals as outlines) or its fusion classes on the fusion scene, and always
 * the open alerts' cells outlined on top. The layer ids stay the same as the
 * data moves, so deck.gl updates the layers it has instead of building new ones.
 */
export function buildWallLayers(input: WallLayersInput): Layer[] {
  const physical = geometryOf(input.physical);
  const human = geometryOf(input.human);
  const colouring = input.colouring;
  const top = input.maxAppeals;
  const humanOutlined = cellLayerBuffers(human.columns, human.positions, fillColours(human.columns, (cell) => countColour(cell.count, top, 80)), fillColours(human.columns, (cell) => countColour(cell.count, top, 255)));
  const base = buildMapLayers({
    role: input.fusion ? 'fusion' : 'overlay', fusion: input.fused.filter((cell) => cell.class !== 'none'), placement: [],
    physical: cellLayerBuffers(physical.columns, physical.positions, fillColours(physical.columns, colouring.colour)), humanFilled: humanOutlined, humanOutlined,
    showPhysical: true, showHuman: true, hovered: undefined, labels: input.labels, beforeId: input.beforeId, onHover: ignore, onClick: ignore,
  });
  const alerts = new H3HexagonLayer<string>({
    id: ALERT_LAYER_ID, data: input.alertCells, getHexagon: (h3) => h3, extruded: false, filled: false, stroked: true,
    getLineColor: [255, 255, 255, 255], lineWidthUnits: 'pixels', getLineWidth: 5, lineWidthMinPixels: 4,
  });
  return [...base, alerts];
}
