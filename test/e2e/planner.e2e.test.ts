import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cellToLatLng } from 'h3-js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, startStack, type Stack } from '@citytwin/api';
import { MESSAGES } from '@citytwin/web';
import { launchChromium, type LaunchedChromium } from '../support/launch-chromium';
import { pagePoint, readHandle, waitForPlannerReady } from '../support/planner-page';
import { pollUntil } from '../support/poll-until';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Screenshots for people to look at; git ignores the folder. */
const ARTIFACTS = join(REPO_ROOT, 'test/artifacts');
const VIEWPORT = { width: 960, height: 600 };
const READY_MS = 90_000;

interface FusionAnswer {
  cells: Array<{ h3: string; class: string; human: { z: number; value: number } | null; physical: { z: number; value: number } | null }>;
}

describe('planner view end to end (all-in-one with its built-in simulation, real Chromium)', () => {
  let dataDir: string;
  let stack: Stack;
  let browser: LaunchedChromium;

  beforeAll(async () => {
    if (!existsSync(join(REPO_ROOT, 'web/dist/index.html'))) throw new Error('web/dist is missing: build the web app first with `pnpm --filter @citytwin/web build`');
    await mkdir(ARTIFACTS, { recursive: true });
    dataDir = await mkdtemp(join(tmpdir(), 'citytwin-planner-e2e-'));
    stack = await startStack(loadConfig({ PORT: '0', MQTT_PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }), pino({ level: 'warn' }));
    // The simulation's planted construction site becomes a confirmed noise hot spot within a minute or two.
    await pollUntil('a confirmed noise cell on /api/fusion at res 7', async () => {
      const response = await fetch(`${stack.url}/api/fusion?metric=noise_db&res=7`);
      const answer = (await response.json()) as FusionAnswer;
      return answer.cells.some((cell) => cell.class === 'confirmed') ? true : undefined;
    }, 180_000, 2_000);
    // The built-in simulation writes 28 days of history into the new store first; on the embedded
    // database that work shares the process with HTTP, so the page is opened once it is done.
    await stack.backfill?.done;
    browser = await launchChromium(VIEWPORT);
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['split', ['physical', 'human']],
    ['overlay', ['overlay']],
    ['fusion', ['fusion']],
  ] as const)('brings up the %s mode ready, every map drawn, and writes its screenshot', async (mode, mapIds) => {
    const { page } = browser;
    await page.goto(`${stack.url}/?mode=${mode}&lang=zh`);
    await waitForPlannerReady(page, mode, READY_MS);
    const handle = await readHandle(page);
    expect(Object.keys(handle.maps)).toEqual([...mapIds]);
    const drawn = Object.values(handle.maps).reduce((sum, entry) => sum + Object.values(entry.cellCounts).reduce((a, b) => a + b, 0), 0);
    expect(drawn).toBeGreaterThan(0);
    // Regression: in fusion mode the status line kept saying the (unused) sensor and appeal layers were loading.
    await pollUntil(`the ${mode} status line past loading`, async () => (!(await page.getByTestId('status-line').innerText()).includes('加载中') ? true : undefined), 30_000, 500);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)).toBe('zh-CN');
    await page.screenshot({ path: join(ARTIFACTS, `planner-${mode}.png`) });
  });

  it('keeps the split maps in sync after a pan on the left one', async () => {
    const { page } = browser;
    await page.goto(`${stack.url}/?mode=split&lang=en`);
    await waitForPlannerReady(page, 'split', READY_MS);
    const before = await readHandle(page);
    await page.mouse.move(240, 300);
    await page.mouse.down();
    await page.mouse.move(340, 360, { steps: 8 });
    await page.mouse.up();
    await page.evaluate(() => (globalThis as unknown as { __citytwin: { whenIdle(): Promise<void> } }).__citytwin.whenIdle());
    const after = await readHandle(page);
    const left = after.maps['physical']!;
    const right = after.maps['human']!;
    expect(Math.abs(left.centre[0] - before.maps['physical']!.centre[0])).toBeGreaterThan(0.01);
    expect(right.centre[0]).toBeCloseTo(left.centre[0], 6);
    expect(right.centre[1]).toBeCloseTo(left.centre[1], 6);
    expect(right.zoom).toBeCloseTo(left.zoom, 6);
    // The moved view is in the URL.
    expect(Number(new URL(page.url()).searchParams.get('lng'))).toBeCloseTo(left.centre[0], 4);
  });

  it('opens the drawer of a confirmed hot cell with the values the api gives for it', async () => {
    const { page } = browser;
    // Every fusion answer the page receives; the drawer shows the latest.
    let latest: FusionAnswer | undefined;
    const record = (response: { url(): string; status(): number; json(): Promise<unknown> }) => {
      if (response.url().includes('/api/fusion?') && response.status() === 200) void response.json().then((body) => (latest = body as FusionAnswer), () => undefined);
    };
    page.on('response', record);
    try {
      await page.goto(`${stack.url}/?mode=fusion&lang=en`);
      await waitForPlannerReady(page, 'fusion', READY_MS);
      const answer = await pollUntil('the fusion answer the page drew', async () => latest, 10_000);
      const hot = answer.cells.filter((cell) => cell.class === 'confirmed').sort((a, b) => (b.human?.z ?? 0) - (a.human?.z ?? 0))[0]!;
      const [lat, lng] = cellToLatLng(hot.h3);
      // Bring the cell to the middle of the map, clear of the panels, and click it there.
      await page.evaluate((centre) => {
        const handle = (globalThis as unknown as { __citytwin: { maps: Record<string, { map: { jumpTo(options: object): void } }>; whenIdle(): Promise<void> } }).__citytwin;
        handle.maps['fusion']!.map.jumpTo({ center: centre });
        return handle.whenIdle();
      }, [lng, lat] as [number, number]);
      const point = await pagePoint(page, 'fusion', [lng, lat]);
      expect(await page.evaluate(({ x, y }) => (globalThis as unknown as { document: { elementFromPoint(x: number, y: number): { tagName: string } | null } }).document.elementFromPoint(x, y)?.tagName, point)).toBe('CANVAS');
      // As a person would: point at it (the tooltip names the cell), then click.
      await page.mouse.move(point.x - 3, point.y - 3);
      await page.mouse.move(point.x, point.y, { steps: 3 });
      await expect.poll(() => page.locator('[data-testid=tooltip]').textContent(), { timeout: 15_000 }).toContain(hot.h3);
      await page.mouse.click(point.x, point.y);
      await expect.poll(() => readHandle(page).then((handle) => handle.drawer)).toBe(hot.h3);
      const drawer = page.locator('[data-testid=cell-drawer]');
      await expect.poll(() => drawer.locator('[data-testid=drawer-cell]').textContent()).toBe(hot.h3);
      const twoDecimals = (value: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value);
      // Read the drawer and the page's latest answer together (the page re-reads fusion every 30 s).
      const shown = async () => {
        const cell = latest!.cells.find((entry) => entry.h3 === hot.h3)!;
        const [zHuman, zPhysical, fusionClass] = await Promise.all(['drawer-z-human', 'drawer-z-physical', 'drawer-class'].map((id) => drawer.locator(`[data-testid=${id}]`).textContent()));
        return { ok: zHuman!.startsWith(twoDecimals(cell.human!.z)) && (!cell.physical || zPhysical!.startsWith(twoDecimals(cell.physical.z))), fusionClass, cellClass: cell.class };
      };
      await expect.poll(async () => (await shown()).ok).toBe(true);
      const final = await shown();
      expect(final.cellClass).toBe('confirmed');
      expect(final.fusionClass).toBe('Confirmed (both signals)');
      expect(new URL(page.url()).searchParams.get('cell')).toBe(hot.h3);
      await page.screenshot({ path: join(ARTIFACTS, 'planner-drawer.png') });
    } finally {
      page.off('response', record);
    }
  });

  it('plays the window back: the time label and the drawn frame advance', async () => {
    const { page } = browser;
    const cellsWindows: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/cells' && url.searchParams.get('layer') === 'physical') cellsWindows.push(url.searchParams.get('to') ?? '');
    });
    await page.goto(`${stack.url}/?mode=overlay&lang=en&from=now-1h&step=5m`);
    await waitForPlannerReady(page, 'overlay', READY_MS);
    await page.locator('[data-testid=speed]').selectOption('4');
    const labelBefore = await page.locator('[data-testid=time-label]').textContent();
    await page.locator('[data-testid=play]').click();
    const firstAt = await pollUntil('a first playback frame', async () => (await readHandle(page)).time.at ?? undefined, 20_000);
    const laterAt = await pollUntil('a later playback frame', async () => {
      const at = (await readHandle(page)).time.at;
      return at && at !== firstAt ? at : undefined;
    }, 30_000);
    const handle = await readHandle(page);
    expect(handle.time.playing).toBe(true);
    expect(Date.parse(laterAt)).not.toBe(Date.parse(firstAt));
    expect(await page.locator('[data-testid=time-label]').textContent()).not.toBe(labelBefore);
    // Each frame was asked of the api with its own window end.
    expect(cellsWindows).toContain(firstAt);
    expect(cellsWindows).toContain(laterAt);
    await page.locator('[data-testid=play]').click();
    await expect.poll(() => readHandle(page).then((state) => state.time.playing)).toBe(false);
  });

  it('restores the view from the URL on reload', async () => {
    const { page } = browser;
    const query = '?mode=overlay&metric=pm25&lng=116.41&lat=39.92&zoom=11.3&lang=en&conf=99&panel=rankings&scale=fixed';
    await page.goto(`${stack.url}/${query}`);
    await waitForPlannerReady(page, 'overlay', READY_MS);
    await page.reload();
    await waitForPlannerReady(page, 'overlay', READY_MS);
    const handle = await readHandle(page);
    expect(handle.maps['overlay']!.zoom).toBeCloseTo(11.3, 2);
    expect(handle.maps['overlay']!.centre[0]).toBeCloseTo(116.41, 4);
    expect(handle.maps['overlay']!.centre[1]).toBeCloseTo(39.92, 4);
    expect(await page.locator('[data-testid=metric]').inputValue()).toBe('pm25');
    expect(await page.locator('[data-testid=confidence]').inputValue()).toBe('99');
    expect(await page.locator('[data-testid=scale]').inputValue()).toBe('fixed');
    expect(await page.locator('[data-testid=panel-rankings]').count()).toBe(1);
    const params = new URL(page.url()).searchParams;
    for (const [name, value] of new URLSearchParams(query)) expect(params.get(name), name).toBe(value);
  });

  it('leaves no English label on the Chinese page', async () => {
    const { page } = browser;
    await page.goto(`${stack.url}/?mode=split&lang=zh&panel=hotspots`);
    await waitForPlannerReady(page, 'split', READY_MS);
    // Everything the page wrote, the map's licence credits aside (they are quoted as their authors wrote them).
    const text = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { body: { cloneNode(deep: boolean): { querySelectorAll(s: string): ArrayLike<{ remove(): void }>; textContent: string | null } } } }).document;
      const copy = doc.body.cloneNode(true);
      for (const element of Array.from(copy.querySelectorAll('.maplibregl-ctrl-attrib, script, style'))) element.remove();
      return copy.textContent ?? '';
    });
    const english = Object.entries(MESSAGES.en)
      .filter(([key, label]) => !MESSAGES.zh[key]!.includes(label) && /[a-z]{3,}/i.test(label))
      .map(([, label]) => label.replace(/\{\w+\}/g, '').trim())
      .filter((label) => label.length >= 4 && /[a-z]{3,}/i.test(label));
    const found = english.filter((label) => text.includes(label));
    expect(found).toEqual([]);
    expect(text).toContain('并排对照');
    await page.screenshot({ path: join(ARTIFACTS, 'planner-zh-split.png') });
  });
});
