/**
 * pnpm bench:web — the planner page in headless Chromium against a seeded api:
 * time from the cells response to the layer drawn for 10k / 50k / 100k
 * hexagons, JS heap after load and after 60 s of playback, long tasks.
 * Progress on stderr; the last line on stdout is one JSON object:
 * {"bench":"web","cells":{"10000":{"responseToDrawnMs","heapMb","recolourMs"},...},"playback":{"stepsPerS","longTasks","heapMb"}}
 * `recolourMs`: from switching the colour scale (data -> fixed) to drawn, a colour-only update
 * of the same cells (no new geometry), to compare with `responseToDrawnMs` of the same size.
 * Software WebGL (SwiftShader) is slow: compare the sizes with the same run's 10k case.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { cellToChildren, gridDisk, latLngToCell } from 'h3-js';
import { pino } from 'pino';
import type { MetricCode } from '@citytwin/shared';
import { buildApp, loadConfig } from '@citytwin/api';
import { insertReadingsBatch, openStore, settleRollups } from '@citytwin/store';
import { launchChromium } from '../support/launch-chromium';

const SIZES: ReadonlyArray<readonly [cells: number, metric: MetricCode]> = [[10_000, 'pm25'], [50_000, 'no2'], [100_000, 'noise_db']];
const PLAYBACK_S = Number(process.env['BENCH_PLAYBACK_S'] ?? 60);
const BATCH = 20_000;
const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const log = (text: string) => process.stderr.write(`bench:web ${text}\n`);

/** `count` distinct res-9 cells around central Beijing (children of a disc of res-6 cells). */
function benchCells(count: number): string[] {
  const centre = latLngToCell(39.9, 116.4, 6);
  const cells: string[] = [];
  for (const parent of gridDisk(centre, 12)) {
    for (const child of cellToChildren(parent, 9)) {
      cells.push(child);
      if (cells.length === count) return cells;
    }
  }
  throw new Error(`only ${cells.length} cells around Beijing`);
}

async function seed(nowMs: number): Promise<Awaited<ReturnType<typeof openStore>>> {
  const store = await openStore();
  for (const [count, metric] of SIZES) {
    const cells = benchCells(count);
    for (let start = 0; start < cells.length; start += BATCH) {
      const batch = cells.slice(start, start + BATCH).map((cell, index) => ({
        // Spread over the last 24 h, so playback frames hold different cells.
        sensorId: `bench-${metric}-${start + index}`, metric, cell, tsMs: nowMs - 1 - ((start + index) * 7_919) % 86_000_000, value: 30 + ((start + index) % 97),
      }));
      await insertReadingsBatch(store.db, batch);
    }
    await settleRollups(store.db);
    log(`seeded ${count} cells of ${metric}`);
  }
  return store;
}

interface PageGlobals {
  __citytwin?: { ready: boolean; time: { at: string | null }; whenIdle(): Promise<void> };
  __longTasks?: number;
  performance: { now(): number; getEntriesByType(type: string): Array<{ name: string; responseEnd: number }> };
}

async function main(): Promise<void> {
  const nowMs = Date.now();
  const store = await seed(nowMs);
  const app = await buildApp({ store, config: loadConfig({ SIMULATE: 'off', WEB_DIST_DIR: WEB_DIST }), logger: pino({ level: 'silent' }), broker: 'external', clock: () => nowMs });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await launchChromium({ width: 1000, height: 700 });
  const { page, context } = browser;
  const cdp = await context.newCDPSession(page);
  const heapMb = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return Math.round((usage.usedSize / 1_048_576) * 10) / 10;
  };
  await page.addInitScript(() => {
    const globals = globalThis as unknown as PageGlobals & { PerformanceObserver: new (callback: (list: { getEntries(): unknown[] }) => void) => { observe(options: object): void } };
    globals.__longTasks = 0;
    new globals.PerformanceObserver((list) => (globals.__longTasks! += list.getEntries().length)).observe({ type: 'longtask', buffered: true });
  });
  const figures: Record<string, { responseToDrawnMs: number; heapMb: number; recolourMs: number }> = {};
  const view = '&mode=overlay&layers=physical&lang=en&lng=116.4&lat=39.9&zoom=12.6&from=now-24h';
  try {
    for (const [count, metric] of SIZES) {
      await page.goto(`${base}/?metric=${metric}${view}`);
      await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__citytwin?.ready === true, null, { timeout: 300_000 });
      const responseToDrawnMs = await page.evaluate(async () => {
        const globals = globalThis as unknown as PageGlobals;
        await globals.__citytwin!.whenIdle();
        const drawn = globals.performance.now();
        // The first answer is the one drawn when `ready` turned true; later ones are the 5-second refreshes.
        const cells = globals.performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/api/cells?layer=physical'));
        return Math.round(drawn - cells[0]!.responseEnd);
      });
      const heap = await heapMb();
      const changedAt = await page.evaluate(() => (globalThis as unknown as PageGlobals).performance.now());
      await page.locator('[data-testid=scale]').selectOption('fixed');
      const recolourMs = await page.evaluate(async (since) => {
        const globals = globalThis as unknown as PageGlobals & { requestAnimationFrame(callback: () => void): void };
        // Two frames, so the map has started the repaint the new colours asked for before waiting for idle.
        await new Promise<void>((resolve) => globals.requestAnimationFrame(() => globals.requestAnimationFrame(resolve)));
        await globals.__citytwin!.whenIdle();
        return Math.round(globals.performance.now() - since);
      }, changedAt);
      figures[String(count)] = { responseToDrawnMs, heapMb: heap, recolourMs };
      log(`${count} cells: response to drawn ${responseToDrawnMs} ms, heap ${heap} MB, recolour ${recolourMs} ms`);
    }
    // Playback of the 10k layer, hour by hour over the last 24 h, as fast as it draws.
    await page.goto(`${base}/?metric=pm25${view}&step=1h`);
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__citytwin?.ready === true, null, { timeout: 300_000 });
    await page.locator('[data-testid=speed]').selectOption('4');
    const tasksBefore = await page.evaluate(() => (globalThis as unknown as PageGlobals).__longTasks ?? 0);
    const frames = new Set<string>();
    let steps = 0;
    let last: string | null = null;
    await page.locator('[data-testid=play]').click();
    const until = Date.now() + PLAYBACK_S * 1000;
    while (Date.now() < until) {
      const at = await page.evaluate(() => (globalThis as unknown as PageGlobals).__citytwin?.time.at ?? null);
      if (at && at !== last) {
        steps += 1;
        frames.add(at);
        last = at;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const longTasks = (await page.evaluate(() => (globalThis as unknown as PageGlobals).__longTasks ?? 0)) - tasksBefore;
    const playback = { stepsPerS: Math.round((steps / PLAYBACK_S) * 100) / 100, longTasks, heapMb: await heapMb() };
    log(`playback: ${steps} steps (${frames.size} distinct frames) in ${PLAYBACK_S} s, ${longTasks} long tasks, heap ${playback.heapMb} MB`);
    process.stdout.write(`${JSON.stringify({ bench: 'web', cells: figures, playback })}\n`);
  } finally {
    await browser.close();
    await app.close();
    await store.close();
  }
}

await main();
