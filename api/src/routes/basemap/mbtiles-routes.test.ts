import { gzipSync, gunzipSync } from 'node:zlib';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/test-app';

/** Writes an MBTiles 1.3 file: metadata and tiles with TMS rows, as tilemaker does. */
function writeMbtiles(path: string, format: string, tiles: Array<{ z: number; x: number; tmsRow: number; data: Buffer }>): void {
  const db = new Database(path);
  db.exec('CREATE TABLE metadata (name TEXT, value TEXT); CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);');
  db.prepare('INSERT INTO metadata VALUES (?, ?)').run('format', format);
  const insert = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
  for (const tile of tiles) insert.run(tile.z, tile.x, tile.tmsRow, tile.data);
  db.close();
}

describe('an .mbtiles basemap', () => {
  let dir: string;
  let t: TestApp;
  const payload = Buffer.from('vector tile bytes');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'citytwin-mbtiles-'));
    // XYZ 14/4824/6159 (Midtown Manhattan) is TMS row 2^14 - 1 - 6159 = 10224.
    writeMbtiles(join(dir, 'city.mbtiles'), 'pbf', [{ z: 14, x: 4824, tmsRow: 10224, data: gzipSync(payload) }, { z: 0, x: 0, tmsRow: 0, data: payload }]);
    writeMbtiles(join(dir, 'aerial.mbtiles'), 'png', []);
    t = await openTestApp({ env: { BASEMAP: join(dir, 'city.mbtiles') } });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is announced as vector tiles at /tiles/{z}/{x}/{y}', async () => {
    expect((await t.app.inject({ url: '/api/basemap' })).json()).toEqual({ kind: 'vector-tiles', tiles: '/tiles/{z}/{x}/{y}' });
  });

  it('serves a tile by its XYZ address (the TMS row flipped), gzip-marked as a vector tile', async () => {
    const tile = await t.app.inject({ url: '/tiles/14/4824/6159.pbf' });
    expect(tile.statusCode).toBe(200);
    expect(tile.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(tile.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(tile.rawPayload).toString()).toBe(payload.toString());
    // The unflipped row is another tile, which is not there.
    expect((await t.app.inject({ url: '/tiles/14/4824/10224' })).statusCode).toBe(204);
  });

  it('serves an uncompressed tile without a content encoding', async () => {
    const tile = await t.app.inject({ url: '/tiles/0/0/0' });
    expect(tile.statusCode).toBe(200);
    expect(tile.headers['content-encoding']).toBeUndefined();
    expect(tile.rawPayload.toString()).toBe(payload.toString());
  });

  it('answers 204 for a missing tile or one outside the zoom level, 400 for a bad address', async () => {
    expect((await t.app.inject({ url: '/tiles/14/4825/6159' })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/tiles/1/5/0' })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/tiles/14/4824/north' })).statusCode).toBe(400);
  });

  it('refuses a raster MBTiles at boot', async () => {
    await expect(openTestApp({ env: { BASEMAP: join(dir, 'aerial.mbtiles') } })).rejects.toThrow(/format "png" is not served/);
  });
});
