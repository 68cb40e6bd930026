import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { ColumnLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { cellToLatLng } from 'h3-js';
import type { FusionCell } from '../api/analysis-types';
import type { AreaLabel } from '../map/area-labels';
import type { CellLayerBuffers } from './cell-buffers';
import { fusionColour, PLACEMENT_COLOUR } from './fusion-palette';

export const PHYSICAL_LAYER_ID = 'physical-cells';
export const HUMAN_LAYER_ID = 'human-cells';
export const FUSION_LAYER_ID = 'fusion-cells';
export const PLACEMENT_LAYER_ID = 'placement-sites';
export const HOVER_LAYER_ID = 'hover-cell';
export const AREA_NAMES_LAYER_ID = 'area-names';

/** What one map of the page draws: physical fill, appeals (fill or outlines), fused classes. */
export type MapRole = 'physical' | 'human' | 'overlay' | 'fusion';

export interface MapLayersInput {
  role: MapRole;
  /** Physical cells with their colours. */
  physical: CellLayerBuffers;
  /** Appeal cells filled (the human map of the split). */
  humanFilled: CellLayerBuffers;
  /** Appeal cells as outlines over a faint fill (the overlay). */
  humanOutlined: CellLayerBuffers;
  fusion: readonly FusionCell[];
  placement: ReadonlyArray<{ h3: string; covers: number }>;
  showPhysical: boolean;
  showHuman: boolean;
  hovered: string | undefined;
  labels: readonly AreaLabel[];
  beforeId?: string | undefined;
  onHover(h3: string | undefined, x: number, y: number): void;
  onClick(h3: string): void;
}

type Picked = PickingInfo<{ h3: string }>;

function events(input: MapLayersInput) {
  return {
    pickable: true,
    onHover: (info: Picked) => input.onHover(info.object?.h3, info.x, info.y),
    onClick: (info: Picked) => {
      if (info.object) input.onClick(info.object.h3);
      return true;
    },
  };
}

/**
 * A layer of same-resolution hexagons from binary attributes: one instanced
 * hexagon shape placed at each centre (deck.gl's ColumnLayer, as
 * H3HexagonLayer does without highPrecision), coloured by a byte per channel.
 * Hover and click name the cell by its index into the columns.
 */
function hexColumnsLayer(id: string, buffers: CellLayerBuffers, visible: boolean, outlined: boolean, input: MapLayersInput): Layer {
  const h3At = (index: number) => (index >= 0 ? buffers.columns.h3[index] : undefined);
  return new ColumnLayer({
    id, data: buffers.data, visible: visible && buffers.vertices !== undefined, diskResolution: 6, radius: 1, ...(buffers.vertices ? { vertices: buffers.vertices } : {}),
    extruded: false, flatShading: true, filled: true, stroked: outlined, lineWidthUnits: 'pixels', getLineWidth: 3, lineWidthMinPixels: 2,
    pickable: true,
    onHover: (info: PickingInfo) => input.onHover(h3At(info.index), info.x, info.y),
    onClick: (info: PickingInfo) => {
      const h3 = h3At(info.index);
      if (h3) input.onClick(h3);
      return true;
    },
    ...(input.beforeId ? { beforeId: input.beforeId } : {}),
  });
}

function physicalLayer(input: MapLayersInput): Layer {
  return hexColumnsLayer(PHYSICAL_LAYER_ID, input.physical, input.showPhysical, false, input);
}

function humanLayer(input: MapLayersInput, outlined: boolean): Layer {
  return hexColumnsLayer(HUMAN_LAYER_ID, outlined ? input.humanOutlined : input.humanFilled, input.showHuman, outlined, input);
}

function fusionLayers(input: MapLayersInput): Layer[] {
  const fusion = new H3HexagonLayer<FusionCell>({
    id: FUSION_LAYER_ID, data: input.fusion, getHexagon: (cell) => cell.h3, extruded: false, stroked: false, filled: true, highPrecision: false,
    getFillColor: (cell) => fusionColour(cell.class), ...events(input), ...(input.beforeId ? { beforeId: input.beforeId } : {}),
  });
  const placement = new ScatterplotLayer<{ h3: string; covers: number }>({
    id: PLACEMENT_LAYER_ID, data: input.placement, getPosition: (pick) => {
      const [lat, lng] = cellToLatLng(pick.h3);
      return [lng, lat];
    },
    radiusUnits: 'pixels', getRadius: 7, stroked: true, filled: true, getFillColor: PLACEMENT_COLOUR, getLineColor: [255, 255, 255, 255],
    lineWidthUnits: 'pixels', getLineWidth: 2, ...events(input),
  });
  return [fusion, placement];
}

function hoverLayer(input: MapLayersInput): Layer {
  return new H3HexagonLayer<{ h3: string }>({
    id: HOVER_LAYER_ID, data: input.hovered ? [{ h3: input.hovered }] : [], getHexagon: (cell) => cell.h3, filled: false, stroked: true,
    extruded: false, getLineColor: [255, 255, 255, 255], lineWidthUnits: 'pixels', getLineWidth: 2.5, pickable: false,
  });
}

function areaNamesLayer(input: MapLayersInput): Layer {
  return new TextLayer<AreaLabel>({
    id: AREA_NAMES_LAYER_ID, data: input.labels, getPosition: (label) => label.position, getText: (label) => label.name,
    // Glyphs are drawn from the page's own fonts into an atlas: no glyph server. 'auto' takes every character of the names (CJK included).
    characterSet: 'auto', fontFamily: "'Noto Sans CJK SC', 'Noto Sans', 'PingFang SC', 'Microsoft YaHei', sans-serif",
    getSize: 13, sizeUnits: 'pixels', getColor: [220, 228, 245, 220], outlineWidth: 2, outlineColor: [11, 16, 32, 255], fontSettings: { sdf: true },
    pickable: false,
  });
}

/**
 * The deck.gl layers of one map for its role: split maps draw one signal
 * filled, the overlay draws appeals as outlines over the physical fill, the
 * fusion map draws classes and suggested sensor sites. Every map adds the
 * hovered cell's outline (so a cell hovered on one map shows on the other)
 * and the area names.
 */
export function buildMapLayers(input: MapLayersInput): Layer[] {
  const layers: Layer[] =
    input.role === 'physical' ? [physicalLayer(input)]
      : input.role === 'human' ? [humanLayer(input, false)]
        : input.role === 'overlay' ? [physicalLayer(input), humanLayer(input, true)]
          : fusionLayers(input);
  return [...layers, hoverLayer(input), areaNamesLayer(input)];
}

/** Ids and cell counts of the data layers a map draws, for `window.__citytwin.maps`. */
export function drawnCounts(input: { role: MapRole; physical: { length: number }; human: { length: number }; fusion: readonly unknown[]; placement: readonly unknown[]; showPhysical: boolean; showHuman: boolean }): Record<string, number> {
  const physical = input.showPhysical ? input.physical.length : 0;
  const human = input.showHuman ? input.human.length : 0;
  if (input.role === 'physical') return { [PHYSICAL_LAYER_ID]: input.physical.length };
  if (input.role === 'human') return { [HUMAN_LAYER_ID]: input.human.length };
  if (input.role === 'overlay') return { [PHYSICAL_LAYER_ID]: physical, [HUMAN_LAYER_ID]: human };
  return { [FUSION_LAYER_ID]: input.fusion.length, [PLACEMENT_LAYER_ID]: input.placement.length };
}
