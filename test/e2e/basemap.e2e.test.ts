import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { latLngToTile } from '../support/web-tile';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, startStack, type Stack } from '@citytwin/api';
import { realDataPath } from '@citytwin/api/testing';
import { launchChromium, type LaunchedChromium } from '../support/launch-chromium';
import { waitForPlannerReady } from '../support/planner-page';
import { countPixels, decodePng } from '../support/screenshot-pixels';

const run = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = join(REPO_ROOT, 'test/artifacts');
const TILEMAKER_EXAMPLES = '/usr/share/doc/tilemaker/examples';
/** Midtown Manhattan, inside the extract. */
const VIEW = '?mode=overlay&lang=en&lng=-73.99&lat=40.752&zoom=14';

/** Street pixels: the road greys over the dark map, brighter than the background and the area fill. */
function isStreet([r, g, b]: readonly [number, number, number]): boolean {
  return r + g + b > 140 && r + g + b < 330 && b >= r && Math.abs(r - g) < 30;
}

describe('street basemap built from OpenStreetMap with tilemaker into an .mbtiles file (NYC)', () => {
  let workDir: string;
  let stack: Stack;
  let browser: LaunchedChromium;
  const tileRequests: number[] = [];

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'citytwin-basemap-'));
    const config = JSON.parse(await readFile(join(TILEMAKER_EXAMPLES, 'config-openmaptiles.json'), 'utf8')) as { settings: Record<string, unknown> };
    await writeFile(join(workDir, 'config.json'), JSON.stringify(config));
    await copyFile(join(TILEMAKER_EXAMPLES, 'process-openmaptiles.lua'), join(workDir, 'process.lua'));
    const mbtiles = join(workDir, 'manhattan.mbtiles');
    await run('tilemaker', ['--input', realDataPath('basemap/manhattan.osm.pbf'), '--output', mbtiles, '--config', join(workDir, 'config.json'), '--process', join(workDir, 'process.lua')], { cwd: workDir, maxBuffer: 64 * 1024 * 1024 });
    expect((await stat(mbtiles)).size).toBeGreaterThan(100_000);
    stack = await startStack(loadConfig({ PORT: '0', MQTT_PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(workDir, 'data'), LOG_LEVEL: 'warn', CITY: 'nyc', SIMULATE: 'off', BASEMAP: mbtiles }), pino({ level: 'warn' }));
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launchChromium({ width: 800, height: 560 });
    browser.page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/tiles/')) tileRequests.push(response.status());
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('serves the real tiles of the file by their XYZ address, gzip-compressed vector tiles with the street layer', async () => {
    const [x, y] = latLngToTile(40.752, -73.99, 14);
    const response = await fetch(`${stack.url}/tiles/14/${x}/${y}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    // Node's fetch decodes a gzip body itself; take the bytes either way.
    const raw = Buffer.from(await response.arrayBuffer());
    const tile = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
    // Layer names are plain strings in the protobuf.
    expect(tile.includes(Buffer.from('transportation'))).toBe(true);
    expect(tile.includes(Buffer.from('building'))).toBe(true);
    // Out in the Atlantic there is no tile.
    const [seaX, seaY] = latLngToTile(39.5, -70, 14);
    expect((await fetch(`${stack.url}/tiles/14/${seaX}/${seaY}`)).status).toBe(204);
  });

  it('shows the streets of the tiles under the hexagons, and none once the street layers are hidden', async () => {
    expect(existsSync(join(TILEMAKER_EXAMPLES, 'process-openmaptiles.lua'))).toBe(true);
    const { page } = browser;
    await page.goto(`${stack.url}/${VIEW}`);
    await waitForPlannerReady(page, 'overlay', 60_000);
    expect(tileRequests.filter((status) => status === 200).length).toBeGreaterThan(0);
    const withStreets = decodePng(await page.screenshot({ path: join(ARTIFACTS, 'planner-nyc-basemap.png') }));
    await page.evaluate(() => {
      const handle = (globalThis as unknown as { __citytwin: { map: { setLayoutProperty(id: string, name: string, value: string): void }; whenIdle(): Promise<void> } }).__citytwin;
      for (const id of ['basemap-roads', 'basemap-building', 'basemap-water', 'basemap-park', 'basemap-landuse']) handle.map.setLayoutProperty(id, 'visibility', 'none');
      return handle.whenIdle();
    });
    const without = decodePng(await page.screenshot());
    const streets = countPixels(withStreets, isStreet, []);
    const baseline = countPixels(without, isStreet, []);
    console.log(`basemap e2e: street-coloured pixels ${streets} with the street layers, ${baseline} without`);
    expect(streets - baseline).toBeGreaterThan(3000);
  });
});
