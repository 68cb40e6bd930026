import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CITY_PROFILES } from '@citytwin/shared';
import { loadConfig } from '../config/config';
import { loadCityAreas } from './city-areas';

const dir = mkdtempSync(join(tmpdir(), 'citytwin-city-areas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ring = (west: number, south: number, size: number) => [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]];
function write(name: string, features: Array<{ name: string; coordinates: unknown }>): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', properties: { name: f.name }, geometry: { type: 'Polygon', coordinates: f.coordinates } })) }));
  return path;
}

describe('loadCityAreas', () => {
  it("adds an operator's street polygons to Beijing's shipped districts and credits only the shipped file", async () => {
    const streets = write('jiedao.geojson', [{ name: '天安门地区', coordinates: ring(116.39, 39.9, 0.01) }]);
    const config = loadConfig({ CITY_BOUNDARIES: `${streets}:street:name:wgs84` });
    const areas = await loadCityAreas(config.boundaries, config.city.bounds);
    expect(areas.counts).toEqual({ district: 16, street: 1, community: 0 });
    expect(areas.locator.locate(39.905, 116.395)).toEqual({ district: '东城区', street: '天安门地区', community: null });
    expect(areas.attribution).toEqual([CITY_PROFILES.beijing.boundaries[0]!.attribution]);
    expect(areas.origins.district).toEqual(['shipped boundary file api/cities/beijing/districts.geojson']);
    expect(areas.boundaries.features).toHaveLength(17);
  });

  it('refuses a file none of whose polygons lies in the city (here: New York State Plane feet)', async () => {
    const feet = write('ntas-2263.geojson', [{ name: 'Red Hook', coordinates: ring(983000, 186000, 1000) }]);
    const config = loadConfig({ CITY: 'nyc', CITY_BOUNDARIES: `${feet}:street` });
    await expect(loadCityAreas(config.boundaries, config.city.bounds)).rejects.toThrow(/CITY_BOUNDARIES file .*ntas-2263.geojson: none of its 1 polygons lies within the city's bounds/);
  });

  it('loads the same files once', async () => {
    const config = loadConfig({ CITY: 'nyc' });
    expect(loadCityAreas(config.boundaries, config.city.bounds)).toBe(loadCityAreas(config.boundaries, config.city.bounds));
  });
});
