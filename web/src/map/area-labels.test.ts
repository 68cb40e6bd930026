import { describe, expect, it } from 'vitest';
import { areaLabels } from './area-labels';

describe('areaLabels', () => {
  it('puts the name at the centroid of the largest ring', () => {
    const labels = areaLabels({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: '东城区', level: 'district' }, geometry: { type: 'MultiPolygon', coordinates: [
          [[[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]]],
          [[[10, 10], [11, 10], [11, 11], [10, 10]]],
        ] } },
      ],
    });
    expect(labels).toEqual([{ name: '东城区', level: 'district', position: [2, 1] }]);
  });

  it('has no labels without boundaries', () => {
    expect(areaLabels(undefined)).toEqual([]);
  });
});
