import type { GeoJSONSourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { BoundaryCollection } from '../api/api-types';

/** Source id of the city's area outlines in every style the page uses. */
export const BOUNDARY_SOURCE_ID = 'city-boundaries';
/** Layer id of the area outlines; hexagon layers are drawn just below it. */
export const BOUNDARY_LINE_LAYER_ID = 'city-boundaries-line';
export const BOUNDARY_FILL_LAYER_ID = 'city-boundaries-fill';

export const MAP_BACKGROUND = '#0b1020';

const EMPTY: BoundaryCollection = { type: 'FeatureCollection', features: [] };

/** Fill and outline layers for the area outlines, shared by the offline and remote styles. */
export function boundaryLayers(): StyleSpecification['layers'] {
  return [
    {
      id: BOUNDARY_FILL_LAYER_ID, type: 'fill', source: BOUNDARY_SOURCE_ID,
      paint: { 'fill-color': '#1b2540', 'fill-opacity': 0.55 },
    },
    {
      id: BOUNDARY_LINE_LAYER_ID, type: 'line', source: BOUNDARY_SOURCE_ID,
      paint: { 'line-color': '#7f8fb8', 'line-width': 1.2, 'line-opacity': 0.8 },
    },
  ];
}

/**
 * The basemap used when no remote style is configured: a dark background and
 * the city's area outlines, nothing fetched from the internet (no tiles, no glyphs).
 */
export function buildOfflineStyle(boundaries: BoundaryCollection = EMPTY): StyleSpecification {
  return {
    version: 8,
    name: 'CityTwin offline dark',
    sources: { [BOUNDARY_SOURCE_ID]: { type: 'geojson', data: boundaries as unknown as GeoJSONSourceSpecification['data'] } },
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': MAP_BACKGROUND } }, ...boundaryLayers()],
  };
}

/**
 * A remote basemap style with the city's (initially empty) outline source and
 * layers added on top, so the hexagon layers always find the layer they go below.
 */
export function withBoundaryLayers(style: StyleSpecification): StyleSpecification {
  if (style.sources[BOUNDARY_SOURCE_ID]) return style;
  return {
    ...style,
    sources: { ...style.sources, [BOUNDARY_SOURCE_ID]: { type: 'geojson', data: EMPTY as unknown as GeoJSONSourceSpecification['data'] } },
    layers: [...style.layers, ...boundaryLayers()],
  };
}
