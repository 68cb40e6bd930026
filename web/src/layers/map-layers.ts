import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { cellToLatLng } from 'h3-js';
import type { CellDatum } from '../api/api-types';
import type { FusionCell } from '../api/analysis-types';
import type { AreaLabel } from '../map/area-labels';
import { countColour } from './colour-scale';
import { fusionColour, PLACEMENT_COLOUR } from './fusion-palette';
import { DiffedH3HexagonLayer } from './diffed-h3-hexagon-layer';
import type { PhysicalColouring } from './physical-colour';

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
  physical: readonly CellDatum[];
  human: readonly CellDatum[];
  fusion: readonly FusionCell[];
  placement: ReadonlyArray<{ h3: string; covers: number }>;
  physicalColouring: PhysicalColouring;
  /** Top of the appeal-count scale (robust). */
  maxAppeals: number;
  showPhysical: boolean;
  showHuman: boolean;
  hovered: string | undefined;
  labels: readonly AreaLabel[];
  beforeId?: string | undefined;
  /** deck.gl `_dataDiff` of live data with stable rows (`LiveLayerData.dataDiff`): only changed rows are re-read. */
  physicalDataDiff?: ((newData: unknown, oldData: unknown) => Array<{ startRow: number; endRow: number }> | undefined) | undefined;
  humanDataDiff?: ((newData: unknown, oldData: unknown) => Array<{ startRow: number; endRow: number }> | undefined) | undefined;
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

function physicalLayer(input: MapLayersInput): Layer {
  const colouring = input.physicalColouring;
  return new DiffedH3HexagonLayer<CellDatum>({
    ...(input.physicalDataDiff ? { _dataDiff: input.physicalDataDiff as never } : {}),
    id: PHYSICAL_LAYER_ID, data: input.physical, visible: input.showPhysical, getHexagon: (cell) => cell.h3,
    extruded: false, stroked: false, filled: true, highPrecision: false,
    getFillColor: colouring.colour, updateTriggers: { getFillColor: [colouring.key] },
    ...events(input), ...(input.beforeId ? { beforeId: input.beforeId } : {}),
  });
}

function humanLayer(input: MapLayersInput, outlined: boolean): Layer {
  const top = input.maxAppeals;
  return new DiffedH3HexagonLayer<CellDatum>({
    ...(input.humanDataDiff ? { _dataDiff: input.humanDataDiff as never } : {}),
    id: HUMAN_LAYER_ID, data: input.human, visible: input.showHuman, getHexagon: (cell) => cell.h3,
    extruded: false, stroked: outlined, filled: true, highPrecision: false,
    getFillColor: (cell) => countColour(cell.count, top, outlined ? 80 : 210),
    getLineColor: (cell) => countColour(cell.count, top, 255),
    lineWidthUnits: 'pixels', getLineWidth: 3, lineWidthMinPixels: 2,
    updateTriggers: { getFillColor: [top, outlined], getLineColor: [top] },
    ...events(input), ...(input.beforeId ? { beforeId: input.beforeId } : {}),
  });
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
export function drawnCounts(input: Pick<MapLayersInput, 'role' | 'physical' | 'human' | 'fusion' | 'placement' | 'showPhysical' | 'showHuman'>): Record<string, number> {
  const physical = input.showPhysical ? input.physical.length : 0;
  const human = input.showHuman ? input.human.length : 0;
  if (input.role === 'physical') return { [PHYSICAL_LAYER_ID]: input.physical.length };
  if (input.role === 'human') return { [HUMAN_LAYER_ID]: input.human.length };
  if (input.role === 'overlay') return { [PHYSICAL_LAYER_ID]: physical, [HUMAN_LAYER_ID]: human };
  return { [FUSION_LAYER_ID]: input.fusion.length, [PLACEMENT_LAYER_ID]: input.placement.length };
}
