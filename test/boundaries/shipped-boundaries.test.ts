import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITIES_DIR, createAdminAreaLocator, loadBoundaryFile, loadCityAreas, loadConfig, type AdminAreaLocator, type BoundarySource } from '@citytwin/api';
import { realDataPath } from '@citytwin/api/testing';
import { CITY_PROFILES, readNyc311Row } from '@citytwin/shared';

// The boundary files the product ships (api/cities/) against their originals in the real data
// folder: NYC's are made compact by api/scripts/build-city-boundaries.ts, which must not move
// any appeal to another area.

const ORIGINALS = {
  ntas: realDataPath('nyc/boundaries/nyc_nta_NYCPlanning.geojson'),
  boroughs: realDataPath('nyc/boundaries/nyc_borough_boundaries.geojson'),
  beijing: realDataPath('beijing/boundaries/districts-echarts.geojson'),
};

function original(path: string, level: 'street' | 'district', nameProperty: string): BoundarySource {
  return { path, level, nameProperty, datum: 'wgs84', attribution: undefined, origin: 'shipped' };
}

interface LocatedRow { file: string; lat: number; lng: number }

/** Every row of every NYC 311 file that the import would store with a point. */
async function located311Rows(): Promise<LocatedRow[]> {
  const dir = realDataPath('nyc/311');
  const rows: LocatedRow[] = [];
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.csv')).sort()) {
    const records = parse(await readFile(join(dir, file), 'utf8'), { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as Array<Record<string, string>>;
    for (const record of records) {
      const row = readNyc311Row(record, CITY_PROFILES.nyc);
      if (row.ok && row.record.lat !== null && row.record.lng !== null) rows.push({ file, lat: row.record.lat, lng: row.record.lng });
    }
  }
  return rows;
}

describe('the boundary files shipped in api/cities/', () => {
  let before: AdminAreaLocator;
  let after: AdminAreaLocator;
  let rows: LocatedRow[];
  beforeAll(async () => {
    const [ntas, boroughs] = await Promise.all([loadBoundaryFile(original(ORIGINALS.ntas, 'street', 'NTAName')), loadBoundaryFile(original(ORIGINALS.boroughs, 'district', 'borough'))]);
    before = createAdminAreaLocator([...ntas.features, ...boroughs.features]);
    const config = loadConfig({ CITY: 'nyc' });
    after = (await loadCityAreas(config.boundaries, config.city.bounds)).locator;
    rows = await located311Rows();
  });

  it('give every located NYC 311 row the same NTA and borough as the originals', async () => {
    const changed = rows.flatMap((row) => {
      const was = before.locate(row.lat, row.lng);
      const now = after.locate(row.lat, row.lng);
      return was.street === now.street && was.district === now.district ? [] : [{ ...row, was, now }];
    });
    const inAnNta = rows.filter((row) => before.locate(row.lat, row.lng).street !== null).length;
    const sizes = async (a: string, b: string) => `${(await stat(a)).size} -> ${(await stat(b)).size} bytes`;
    console.log(
      `NYC 311: ${rows.length} located rows checked, ${rows.length - changed.length} with the same NTA and borough, ${inAnNta} inside an NTA; ` +
      `NTAs ${await sizes(ORIGINALS.ntas, join(CITIES_DIR, 'nyc/ntas.geojson'))}, boroughs ${await sizes(ORIGINALS.boroughs, join(CITIES_DIR, 'nyc/boroughs.geojson'))}`,
    );
    // 924 + 235 + 117 + 8,000 rows, less the 11 + 3 + 1 + 821 without coordinates.
    expect(rows).toHaveLength(8440);
    expect(inAnNta).toBeGreaterThan(8400);
    expect(changed).toEqual([]);
    expect(after.counts).toEqual(before.counts);
  });

  it("ship Beijing's districts unchanged", async () => {
    expect((await readFile(join(CITIES_DIR, 'beijing/districts.geojson'))).equals(await readFile(ORIGINALS.beijing))).toBe(true);
  });

  describe('are what the build script makes from the originals', () => {
    let out: string;
    beforeAll(async () => {
      out = await mkdtemp(join(tmpdir(), 'citytwin-cities-'));
    });
    afterAll(async () => {
      await rm(out, { recursive: true, force: true });
    });

    it('byte for byte', async () => {
      const script = join(CITIES_DIR, '../scripts/build-city-boundaries.ts');
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, '--from', realDataPath('.'), '--to', out], { cwd: join(CITIES_DIR, '..') });
      expect(stdout).toMatch(/nyc\/ntas.geojson: 2666000 -> \d+ bytes/);
      for (const file of ['beijing/districts.geojson', 'nyc/ntas.geojson', 'nyc/boroughs.geojson']) {
        expect((await readFile(join(out, file))).equals(await readFile(join(CITIES_DIR, file))), file).toBe(true);
      }
    });
  });
});
