import { describe, expect, it } from 'vitest';
import { cellToBoundary } from 'h3-js';
import { viewCsv, viewGeoJson, viewRows } from './view-rows';

const A = '8731aa428ffffff';
const B = '8731aa429ffffff';
const C = '8731aa42affffff';

describe('export of the view', () => {
  const rows = viewRows(
    [{ h3: B, value: 61.5, count: 12 }],
    [{ h3: A, value: 4, count: 4 }, { h3: B, value: 3, count: 3 }],
    [
      { h3: B, class: 'confirmed', covered: true, physical: { value: 61.5, z: 3.1, p: 0.002, class: 'hot', confidence: 99 }, human: { value: 3, z: 2.2, p: 0.03, class: 'hot', confidence: 95 } },
      { h3: C, class: 'none', covered: false, physical: null, human: null },
    ],
  );

  it('joins the layers per cell and leaves out cells that only have "none"', () => {
    expect(rows).toEqual([
      { h3: A, physicalMean: null, physicalReadings: null, appeals: 4, zPhysical: null, zHuman: null, fusionClass: null },
      { h3: B, physicalMean: 61.5, physicalReadings: 12, appeals: 3, zPhysical: 3.1, zHuman: 2.2, fusionClass: 'confirmed' },
    ]);
  });

  it('writes CSV with a header named after the metric', () => {
    expect(viewCsv(rows, 'noise_db')).toBe(
      `h3,noise_db_mean,noise_db_readings,appeals,gi_z_physical,gi_z_human,fusion_class\r\n${A},,,4,,,\r\n${B},61.5,12,3,3.1,2.2,confirmed\r\n`,
    );
  });

  it('writes GeoJSON hexagons in [lng, lat] with closed rings', () => {
    const collection = viewGeoJson(rows, { metric: 'noise_db' });
    const feature = collection.features[1] as { properties: { fusionClass: string }; geometry: { coordinates: number[][][] } };
    expect(feature.properties.fusionClass).toBe('confirmed');
    expect(feature.geometry.coordinates[0]).toEqual(cellToBoundary(B, true));
    const ring = feature.geometry.coordinates[0]!;
    expect(ring[0]).toEqual(ring.at(-1));
    expect(ring[0]![0]).toBeGreaterThan(100);
  });
});
