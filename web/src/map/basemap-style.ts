import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { MAP_BACKGROUND } from './offline-style';

/** `GET /api/basemap`: which street basemap the server was configured with (BASEMAP). */
export interface BasemapInfo {
  kind: 'none' | 'pmtiles' | 'style' | 'vector-tiles';
  url?: string;
  tiles?: string;
}

export const BASEMAP_SOURCE_ID = 'basemap';

/**
 * Dark street layers for vector tiles in the OpenMapTiles schema (what
 * tilemaker's `config-openmaptiles.json` writes): water, parks, buildings and
 * roads by class. No labels, so no glyph server is needed.
 */
export function openMapTilesLayers(source: string): LayerSpecification[] {
  return [
    { id: 'basemap-water', type: 'fill', source, 'source-layer': 'water', paint: { 'fill-color': '#13233f' } },
    { id: 'basemap-park', type: 'fill', source, 'source-layer': 'park', paint: { 'fill-color': '#14261f' } },
    { id: 'basemap-landuse', type: 'fill', source, 'source-layer': 'landuse', paint: { 'fill-color': '#141a2c' } },
    { id: 'basemap-building', type: 'fill', source, 'source-layer': 'building', minzoom: 13, paint: { 'fill-color': '#1c2438' } },
    {
      id: 'basemap-roads', type: 'line', source, 'source-layer': 'transportation',
      paint: {
        'line-color': ['match', ['get', 'class'], ['motorway', 'trunk', 'primary'], '#6b7896', ['secondary', 'tertiary'], '#56617d', '#3d465e'],
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.4, 14, 1.6, 17, 4],
      },
    },
  ];
}

/**
 * The MapLibre style of a configured basemap under the hexagons: a remote
 * style URL as it is; a PMTiles archive through the `pmtiles://` protocol
 * (raster archives as raster, vector ones with {@link openMapTilesLayers});
 * the api's `/tiles/{z}/{x}/{y}`; none for the offline dark map.
 * @example basemapStyle({ kind: 'vector-tiles', tiles: '/tiles/{z}/{x}/{y}' }, 'http://localhost:8080', 'vector')
 */
export function basemapStyle(info: BasemapInfo, origin: string, pmtilesType: 'raster' | 'vector' = 'vector'): string | StyleSpecification | undefined {
  if (info.kind === 'style' && info.url) return info.url;
  let source: SourceSpecification;
  let raster = false;
  if (info.kind === 'pmtiles' && info.url) {
    const url = `pmtiles://${new URL(info.url, origin).href}`;
    raster = pmtilesType === 'raster';
    source = raster ? { type: 'raster', url, tileSize: 256 } : { type: 'vector', url };
  } else if (info.kind === 'vector-tiles' && info.tiles) {
    source = { type: 'vector', tiles: [new URL(info.tiles, origin).href.replace(/%7B/g, '{').replace(/%7D/g, '}')], minzoom: 0, maxzoom: 14 };
  } else {
    return undefined;
  }
  const background: LayerSpecification = { id: 'background', type: 'background', paint: { 'background-color': MAP_BACKGROUND } };
  const layers: LayerSpecification[] = raster
    ? [background, { id: 'basemap-raster', type: 'raster', source: BASEMAP_SOURCE_ID, paint: { 'raster-opacity': 0.35, 'raster-saturation': -1 } }]
    : [background, ...openMapTilesLayers(BASEMAP_SOURCE_ID)];
  return { version: 8, name: 'CityTwin basemap', sources: { [BASEMAP_SOURCE_ID]: source }, layers };
}
