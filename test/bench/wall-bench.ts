/**
 * `pnpm bench:wall [--minutes 30] [--layout production|all-in-one] [--postgres] [--stages]`:
 * /wall in Chromium fed by the fleet simulator at 2,000 messages a second,
 * for 30 minutes by default. The default layout is production's (the API and
 * an ingest worker as their own processes, Postgres, Mosquitto); `all-in-one`
 * runs `pnpm start`'s single process instead (PGlite, or Postgres with
 * --postgres). Reports the page's JS heap (after a forced GC) at the start
 * and the end, the live channel's lag from a reading's publication to its
 * delta being drawn (p50, p99), and the reconnects. With --stages it also
 * logs where the lag goes; that probe watches every frame of the page's socket
 * through the DevTools protocol, which itself costs lag and page heap, so the
 * figures of a --stages run are not the benchmark's. Progress on stderr, one
 * JSON line last on stdout.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from '../support/launch-chromium';
import { startWallTarget, WALL_LAYOUTS, type WallLayout } from './wall-layouts';
import { percentile, WallStages } from './wall-stages';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RATE_PER_S = 2000;
const SENSORS = 2000;
/** Seconds per scene, and the wall's five scenes. */
const CYCLE_S = 20;
const SCENES = 5;
/**
 * The heap at start is taken once every scene has been on screen once (and
 * 10 s more): each scene's first showing builds its parts (the fusion layers,
 * tables, glyph atlases) once, which is set-up, not growth over time.
 */
const WARM_UP_MS = (CYCLE_S * SCENES + 10) * 1000;
const SAMPLE_EVERY_MS = 200;

interface WallSample {
  liveLagMs: number | null;
  reconnects: number;
  dataAsOf: string | null;
}

const log = (text: string) => process.stderr.write(`[bench:wall] ${text}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { minutes: { type: 'string', default: '30' }, layout: { type: 'string', default: 'production' }, postgres: { type: 'boolean', default: false }, stages: { type: 'boolean', default: false } },
  });
  const minutes = Number(values.minutes);
  if (!(minutes > 0)) throw new Error(`--minutes: "${values.minutes}" is not a positive number`);
  const layout = values.layout as WallLayout;
  if (!WALL_LAYOUTS.includes(layout)) throw new Error(`--layout: "${values.layout}" is not one of ${WALL_LAYOUTS.join(', ')}`);
  const stack = await startWallTarget(layout, values.postgres ?? false);
  log(`layout: ${stack.description}`);
  const durationS = Math.ceil(minutes * 60 + WARM_UP_MS / 1000 + 120);
  const fleet = spawn(process.execPath, ['--import', 'tsx', 'simulators/src/cli/twin.ts', 'simulate', 'sensors', '--sensors', String(SENSORS), '--rate', `${RATE_PER_S}/s`, '--mqtt-url', stack.mqttUrl, '--duration', `${durationS}s`], {
    cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'],
  });
  const browser = await launchChromium({ width: 1280, height: 720 });
  try {
    const { page } = browser;
    const cdp = await page.context().newCDPSession(page);
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return Math.round((usage.usedSize / 1048576) * 10) / 10;
    };
    const sample = () => page.evaluate(() => (globalThis as unknown as { __citytwin?: { wall?: WallSample } }).__citytwin?.wall ?? null);
    const stages = values.stages ? new WallStages(page, stack.ingest, stack.apiInProcess) : undefined;
    await page.goto(`${stack.url}/wall?cycle=${CYCLE_S}`);
    await page.waitForFunction(() => (globalThis as unknown as { __citytwin?: { ready: boolean } }).__citytwin?.ready === true, null, { timeout: 120_000 });
    log(`wall ready; warming up ${WARM_UP_MS / 1000} s (every scene once) with the fleet at ${RATE_PER_S} msg/s`);
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
    const heapStartMb = await heapMb();
    const startReconnects = (await sample())?.reconnects ?? 0;
    stages?.restart();
    log(`heap at start ${heapStartMb} MB; running ${minutes} min`);
    const lags: number[] = [];
    let lastLag: number | null = null;
    let last: WallSample | null = null;
    const endAt = Date.now() + minutes * 60_000;
    let nextReport = Date.now() + 60_000;
    while (Date.now() < endAt) {
      last = await sample();
      if (last?.liveLagMs !== null && last?.liveLagMs !== undefined && last.liveLagMs !== lastLag) {
        lastLag = last.liveLagMs;
        lags.push(last.liveLagMs);
      }
      if (Date.now() >= nextReport) {
        nextReport += 60_000;
        const sorted = [...lags].sort((a, b) => a - b);
        log(`${Math.round((minutes * 60_000 - (endAt - Date.now())) / 60_000)} min: ${lags.length} deltas drawn, lag p50 ${percentile(sorted, 50)} ms p99 ${percentile(sorted, 99)} ms, data as of ${last?.dataAsOf}`);
        for (const line of stages?.report() ?? []) log(`  ${line}`);
        // The heap each minute tells a plateau (flat) from a leak (a steady climb).
        log(`  heap now ${await heapMb()} MB`);
      }
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
    }
    const heapEndMb = await heapMb();
    const sorted = [...lags].sort((a, b) => a - b);
    const result = {
      bench: 'wall', minutes, heapStartMb, heapEndMb, lagP50Ms: percentile(sorted, 50), lagP99Ms: percentile(sorted, 99),
      reconnects: ((await sample())?.reconnects ?? 0) - startReconnects,
    };
    log(`${lags.length} deltas drawn; heap ${heapStartMb} -> ${heapEndMb} MB`);
    for (const line of stages?.report() ?? []) log(`stage: ${line}`);
    stages?.stop();
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    fleet.kill('SIGINT');
    // A simulator that lost its broker may not stop on SIGINT; it must not outlive the bench.
    await Promise.race([new Promise((resolve) => fleet.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (fleet.exitCode === null && fleet.signalCode === null) fleet.kill('SIGKILL');
    await browser.close();
    await stack.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:wall failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
