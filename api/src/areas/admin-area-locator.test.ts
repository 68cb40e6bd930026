import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { loadCityAreas } from './city-areas';

const areasOf = async (city: 'beijing' | 'nyc') => {
  const config = loadConfig({ CITY: city });
  return loadCityAreas(config.boundaries, config.city.bounds);
};

describe('the admin-area locator over the shipped boundary files', () => {
  it('puts a Red Hook point in its NYC NTA and borough', async () => {
    const { locator } = await areasOf('nyc');
    expect(locator.counts).toEqual({ district: 5, street: 195, community: 0 });
    // 70 Bush Street, Red Hook (first row of nyc311_redhook_2016).
    const area = locator.locate(40.67500778066339, -74.00664420030702);
    expect(area.district).toBe('Brooklyn');
    expect(area.street).toMatch(/Red Hook/);
    expect(locator.locate(40.5, -73.0)).toEqual({ district: null, street: null, community: null });
  });

  it('finds Beijing districts from GCJ-02 boundaries converted to WGS84', async () => {
    const { locator } = await areasOf('beijing');
    expect(locator.counts.district).toBe(16);
    // Tiananmen Square (WGS84) lies in Dongcheng; Zhongguancun in Haidian.
    expect(locator.locate(39.9042, 116.3975).district).toBe('东城区');
    expect(locator.locate(39.9834, 116.3162).district).toBe('海淀区');
  });
});
