import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import type { BoundaryCollection } from '../api/api-types';
import { BOUNDARY_LINE_LAYER_ID, BOUNDARY_SOURCE_ID, buildOfflineStyle, withBoundaryLayers } from './offline-style';

const SQUARE: BoundaryCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: 'A', level: 'district' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }],
};

describe('buildOfflineStyle', () => {
  it('is a valid MapLibre style that fetches nothing from the network', () => {
    const style = buildOfflineStyle(SQUARE);
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) expect(source.type).toBe('geojson');
  });

  it('carries the boundaries and draws their outline on top', () => {
    const style = buildOfflineStyle(SQUARE);
    expect(style.sources[BOUNDARY_SOURCE_ID]).toMatchObject({ data: SQUARE });
    expect(style.layers.at(-1)?.id).toBe(BOUNDARY_LINE_LAYER_ID);
    expect(style.layers[0]?.type).toBe('background');
  });

  it('works with no boundaries at all', () => {
    expect(validateStyleMin(buildOfflineStyle())).toEqual([]);
  });
});

describe('withBoundaryLayers', () => {
  const REMOTE: StyleSpecification = {
    version: 8,
    sources: { osm: { type: 'raster', tiles: ['https://tiles.example/{z}/{x}/{y}.png'], tileSize: 256 } },
    layers: [{ id: 'osm', type: 'raster', source: 'osm' }],
  };

  it('adds the outline source and layers on top of a remote style', () => {
    const style = withBoundaryLayers(REMOTE);
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.layers.map((layer) => layer.id)).toEqual(['osm', 'city-boundaries-fill', BOUNDARY_LINE_LAYER_ID]);
    expect(style.sources[BOUNDARY_SOURCE_ID]?.type).toBe('geojson');
  });

  it('leaves a style that already has them unchanged', () => {
    const offline = buildOfflineStyle(SQUARE);
    expect(withBoundaryLayers(offline)).toBe(offline);
  });
});
