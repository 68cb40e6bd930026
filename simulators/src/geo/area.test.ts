import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { cellAtLatLng } from '@citytwin/shared';
import { bboxArea, cellsOfArea, circleArea, distanceM } from './area';
import { areaFromGeoJson } from './geojson-area';

describe('areas', () => {
  it('measures 1° of latitude as about 111.2 km', () => {
    expect(distanceM([116, 39], [116, 40]) / 1000).toBeCloseTo(111.2, 0);
  });

  it('tells points inside a circle from points outside', () => {
    const area = circleArea([116.4, 39.9], 500);
    expect(area.contains(116.4, 39.9)).toBe(true);
    expect(area.contains(116.4, 39.9 + 0.004)).toBe(true); // ~445 m north
    expect(area.contains(116.4, 39.9 + 0.005)).toBe(false); // ~556 m north
  });

  it('lists every res-9 cell overlapping a 400 m circle, including the centre cell', () => {
    const cells = cellsOfArea(circleArea([116.4, 39.9], 400), 9);
    expect(cells).toContain(cellAtLatLng({ lat: 39.9, lng: 116.4 }, 9));
    expect(cells.length).toBeGreaterThan(5);
    expect(cells.length).toBeLessThan(40);
  });

  it('reads polygons from a FeatureCollection and a bare feature array', () => {
    const feature = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] } };
    expect(areaFromGeoJson({ type: 'FeatureCollection', features: [feature] }).contains(1, 1)).toBe(true);
    expect(areaFromGeoJson([feature]).contains(3, 1)).toBe(false);
    expect(bboxArea([0, 0, 1, 1]).bbox).toEqual([0, 0, 1, 1]);
  });

  it('converts GCJ-02 boundary files (Beijing DataV/echarts) to WGS84', () => {
    const [x, y] = gcoord.transform([116.4, 39.9], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const square = { type: 'Polygon', coordinates: [[[x - 0.001, y - 0.001], [x + 0.001, y - 0.001], [x + 0.001, y + 0.001], [x - 0.001, y + 0.001], [x - 0.001, y - 0.001]]] };
    expect(areaFromGeoJson(square, 'gcj02').contains(116.4, 39.9)).toBe(true);
    expect(areaFromGeoJson(square, 'wgs84').contains(116.4, 39.9)).toBe(false);
  });
});
