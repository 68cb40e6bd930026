import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BoundarySource } from '../config/boundary-sources';
import { BoundaryFileError, loadBoundaryFile } from './boundary-file';

const dir = mkdtempSync(join(tmpdir(), 'citytwin-boundary-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A 0.01° square around Tiananmen, as a Chinese map provider (GCJ-02) would give it.
const square = (west: number, south: number) => ({ type: 'Polygon', coordinates: [[[west, south], [west + 0.01, south], [west + 0.01, south + 0.01], [west, south + 0.01], [west, south]]] });

function source(name: string, content: unknown, overrides: Partial<BoundarySource> = {}): BoundarySource {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return { path, level: 'street', nameProperty: 'name', datum: 'wgs84', attribution: undefined, origin: 'CITY_BOUNDARIES', ...overrides };
}

describe('loadBoundaryFile', () => {
  it('names polygons from the name property, skips other geometries and reads a bare array of Features', async () => {
    const features = [
      { type: 'Feature', properties: { NAME: ' 东华门街道 ' }, geometry: square(116.39, 39.91) },
      { type: 'Feature', properties: { NAME: 'a point' }, geometry: { type: 'Point', coordinates: [116.4, 39.9] } },
    ];
    const loaded = await loadBoundaryFile(source('array.json', features, { nameProperty: 'NAME' }));
    expect(loaded.features).toEqual([{ type: 'Feature', properties: { name: '东华门街道', level: 'street' }, geometry: square(116.39, 39.91) }]);
    expect(loaded.attribution).toBeUndefined();
  });

  it('converts GCJ-02 to WGS84 (about 0.006° west and 0.001° south in central Beijing)', async () => {
    const collection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'x' }, geometry: square(116.397, 39.905) }] };
    const [feature] = (await loadBoundaryFile(source('gcj.geojson', collection, { datum: 'gcj02' }))).features;
    const [lng, lat] = (feature!.geometry.coordinates as number[][][])[0]![0]!;
    expect(116.397 - lng!).toBeCloseTo(0.0062, 3);
    expect(39.905 - lat!).toBeCloseTo(0.0013, 3);
  });

  it("takes the credit of the setting, else the file's own top-level attribution member", async () => {
    const collection = { type: 'FeatureCollection', attribution: '© Example Bureau, CC BY 4.0', features: [{ type: 'Feature', properties: { name: 'x' }, geometry: square(116.39, 39.91) }] };
    expect((await loadBoundaryFile(source('own.geojson', collection))).attribution).toBe('© Example Bureau, CC BY 4.0');
    expect((await loadBoundaryFile(source('set.geojson', collection, { attribution: 'shipped credit' }))).attribution).toBe('shipped credit');
  });

  it.each([
    ['not-json.geojson', '{"type":', /CITY_BOUNDARIES file .*not-json.geojson: not JSON/],
    ['csv.geojson', 'name,wkt\n东华门街道,POLYGON((...))\n', /^CITY_BOUNDARIES file .*csv.geojson: not JSON \([^\n]*\)$/],
    ['object.geojson', { type: 'Feature' }, /not a GeoJSON FeatureCollection/],
    ['points.geojson', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'x' }, geometry: { type: 'Point', coordinates: [0, 0] } }] }, /no Polygon or MultiPolygon features/],
    ['unnamed.geojson', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { NAME: 'x', code: 1 }, geometry: square(116.39, 39.91) }] }, /no polygon has a "name" property \(its polygons have: NAME, code\)/],
  ])('refuses %s with a message naming the file', async (name, content, message) => {
    const loading = loadBoundaryFile(source(name, content));
    await expect(loading).rejects.toThrow(BoundaryFileError);
    await expect(loadBoundaryFile(source(name, content))).rejects.toThrow(message);
  });

  it('says which setting a missing file came from', async () => {
    const missing: BoundarySource = { path: join(dir, 'gone.geojson'), level: 'district', nameProperty: 'name', datum: 'wgs84', attribution: 'x', origin: 'shipped' };
    await expect(loadBoundaryFile(missing)).rejects.toThrow(/shipped boundary file .*gone.geojson: cannot read it \(ENOENT\)/);
  });
});
