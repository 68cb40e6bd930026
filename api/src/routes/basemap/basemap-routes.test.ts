import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realDataPath } from '../../testing/real-data';
import { openTestApp, type TestApp } from '../../testing/test-app';
import { PMTILES_PATH, parseRange } from './basemap-routes';

describe('parseRange', () => {
  it('reads one byte range as PMTiles readers send it', () => {
    expect(parseRange('bytes=0-16383', 100_000)).toEqual({ start: 0, end: 16383 });
    expect(parseRange('bytes=99000-', 100_000)).toEqual({ start: 99000, end: 99999 });
    expect(parseRange('bytes=-100', 100_000)).toEqual({ start: 99900, end: 99999 });
    expect(parseRange('bytes=0-999999', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange(undefined, 100)).toBeUndefined();
    expect(parseRange('bytes=200-300', 100)).toBeNull();
    expect(parseRange('items=0-1', 100)).toBeNull();
  });
});

describe('basemap routes', () => {
  let pmtiles: TestApp;
  let tiles: TestApp;
  let none: TestApp;
  let tileDir: string;
  const archive = realDataPath('basemap/stamen_toner_raster_CC-BY+ODbL_z3.pmtiles');

  beforeAll(async () => {
    tileDir = await mkdtemp(join(tmpdir(), 'citytwin-tiles-'));
    await mkdir(join(tileDir, '14', '4824'), { recursive: true });
    await writeFile(join(tileDir, '14', '4824', '6159.pbf'), Buffer.from([0x1f, 0x8b, 8, 0]));
    pmtiles = await openTestApp({ env: { BASEMAP: archive } });
    tiles = await openTestApp({ env: { BASEMAP: tileDir } });
    none = await openTestApp();
  });
  afterAll(async () => {
    await Promise.all([pmtiles?.close(), tiles?.close(), none?.close()]);
    await rm(tileDir, { recursive: true, force: true });
  });

  it('says there is no basemap by default, and serves no tiles', async () => {
    expect((await none.app.inject({ method: 'GET', url: '/api/basemap' })).json()).toEqual({ kind: 'none' });
    expect((await none.app.inject({ method: 'GET', url: PMTILES_PATH })).statusCode).toBe(404);
  });

  it('serves a real PMTiles v3 archive with range requests', async () => {
    expect((await pmtiles.app.inject({ method: 'GET', url: '/api/basemap' })).json()).toEqual({ kind: 'pmtiles', url: PMTILES_PATH });
    const header = await pmtiles.app.inject({ method: 'GET', url: PMTILES_PATH, headers: { range: 'bytes=0-126' } });
    expect(header.statusCode).toBe(206);
    expect(header.rawPayload.length).toBe(127);
    // PMTiles v3 starts with the magic "PMTiles" and version byte 3.
    expect(header.rawPayload.subarray(0, 7).toString('latin1')).toBe('PMTiles');
    expect(header.rawPayload[7]).toBe(3);
    expect(header.headers['content-range']).toMatch(/^bytes 0-126\/\d+$/);
    expect((await pmtiles.app.inject({ method: 'GET', url: PMTILES_PATH, headers: { range: 'bytes=99999999-' } })).statusCode).toBe(416);
  });

  it('serves a tile directory as /tiles/{z}/{x}/{y}, gzip-marked, and 204 where there is no tile', async () => {
    expect((await tiles.app.inject({ method: 'GET', url: '/api/basemap' })).json()).toEqual({ kind: 'vector-tiles', tiles: '/tiles/{z}/{x}/{y}' });
    const tile = await tiles.app.inject({ method: 'GET', url: '/tiles/14/4824/6159' });
    expect(tile.statusCode).toBe(200);
    expect(tile.headers['content-encoding']).toBe('gzip');
    expect((await tiles.app.inject({ method: 'GET', url: '/tiles/14/4824/6160' })).statusCode).toBe(204);
  });

  it('refuses a BASEMAP that does not exist at boot', async () => {
    await expect(openTestApp({ env: { BASEMAP: '/nonexistent/city.pmtiles' } })).rejects.toThrow(/BASEMAP="\/nonexistent\/city.pmtiles": no such file/);
  });
});
