import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { basemapStyle } from './basemap-style';

const ORIGIN = 'http://127.0.0.1:8080';

describe('basemapStyle', () => {
  it('is the offline map without a basemap, and a remote style URL as it is', () => {
    expect(basemapStyle({ kind: 'none' }, ORIGIN)).toBeUndefined();
    expect(basemapStyle({ kind: 'style', url: 'https://tiles.example/style.json' }, ORIGIN)).toBe('https://tiles.example/style.json');
  });

  it('reads a PMTiles archive through the pmtiles protocol, raster or vector', () => {
    const raster = basemapStyle({ kind: 'pmtiles', url: '/basemap/archive.pmtiles' }, ORIGIN, 'raster') as StyleSpecification;
    expect(validateStyleMin(raster)).toEqual([]);
    expect(raster.sources['basemap']).toEqual({ type: 'raster', url: 'pmtiles://http://127.0.0.1:8080/basemap/archive.pmtiles', tileSize: 256 });
    const vector = basemapStyle({ kind: 'pmtiles', url: 'https://cdn.example/nyc.pmtiles' }, ORIGIN, 'vector') as StyleSpecification;
    expect(validateStyleMin(vector)).toEqual([]);
    expect(vector.sources['basemap']).toEqual({ type: 'vector', url: 'pmtiles://https://cdn.example/nyc.pmtiles' });
    expect(vector.layers.map((layer) => layer.id)).toContain('basemap-roads');
  });

  it('draws the api tile directory as OpenMapTiles vector tiles, with no glyphs or sprites', () => {
    const style = basemapStyle({ kind: 'vector-tiles', tiles: '/tiles/{z}/{x}/{y}' }, ORIGIN) as StyleSpecification;
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources['basemap']).toMatchObject({ type: 'vector', tiles: ['http://127.0.0.1:8080/tiles/{z}/{x}/{y}'] });
    expect(style.glyphs).toBeUndefined();
    expect(style.layers.some((layer) => layer.type === 'symbol')).toBe(false);
  });
});
