import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CITY_PROFILES } from '@citytwin/shared';
import { BoundarySpecError, CITIES_DIR, boundarySources, parseCityBoundaries } from './boundary-sources';

const dir = mkdtempSync(join(tmpdir(), 'citytwin-boundary-spec-'));
const jiedao = join(dir, 'jiedao.geojson');
writeFileSync(jiedao, '{"type":"FeatureCollection","features":[]}');
writeFileSync(join(dir, 'empty.geojson'), '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseCityBoundaries (CITY_BOUNDARIES)', () => {
  it('reads file:level:nameProperty:datum entries, relative files against the base folder', () => {
    expect(parseCityBoundaries(`jiedao.geojson:street:NAME:gcj02, ${jiedao}:community`, dir)).toEqual([
      { path: jiedao, level: 'street', nameProperty: 'NAME', datum: 'gcj02', attribution: undefined, origin: 'CITY_BOUNDARIES' },
      { path: jiedao, level: 'community', nameProperty: 'name', datum: 'wgs84', attribution: undefined, origin: 'CITY_BOUNDARIES' },
    ]);
  });

  it('takes a bare file as street polygons named by "name" in WGS84, and nothing as no files', () => {
    expect(parseCityBoundaries(jiedao, dir)[0]).toMatchObject({ level: 'street', nameProperty: 'name', datum: 'wgs84' });
    expect(parseCityBoundaries(undefined, dir)).toEqual([]);
    expect(parseCityBoundaries(' ', dir)).toEqual([]);
  });

  it.each([
    ['missing.geojson', /"missing.geojson": cannot read .*missing.geojson \(ENOENT\)/],
    ['empty.geojson', /empty.geojson is empty/],
    [dir, /is not a file/],
    ['jiedao.geojson:ward', /level "ward" is not one of district, street, community/],
    ['jiedao.geojson:street:name:bd09', /datum "bd09" is not wgs84 or gcj02/],
    ['jiedao.geojson:street::wgs84', /name property is empty/],
    ['jiedao.geojson:street:name:wgs84:extra', /expected <file>\[:level/],
    [':street', /no file name/],
  ])('refuses %s with a message naming the entry', (text, message) => {
    expect(() => parseCityBoundaries(text, dir)).toThrow(BoundarySpecError);
    expect(() => parseCityBoundaries(text, dir)).toThrow(message);
  });
});

describe('boundarySources', () => {
  it("ships the profile's files from the api's cities folder", () => {
    expect(boundarySources(CITY_PROFILES.nyc, []).map((source) => [source.path, source.level, source.origin])).toEqual([
      [join(CITIES_DIR, 'nyc/ntas.geojson'), 'street', 'shipped'],
      [join(CITIES_DIR, 'nyc/boroughs.geojson'), 'district', 'shipped'],
    ]);
  });

  it("adds the operator's levels and replaces a shipped level the operator gives", () => {
    const operator = parseCityBoundaries(`${jiedao}:street,${jiedao}:district:NAME`, dir);
    expect(boundarySources(CITY_PROFILES.beijing, operator.slice(0, 1)).map((source) => source.level)).toEqual(['district', 'street']);
    expect(boundarySources(CITY_PROFILES.beijing, operator).map((source) => [source.level, source.origin])).toEqual([['street', 'CITY_BOUNDARIES'], ['district', 'CITY_BOUNDARIES']]);
  });
});
