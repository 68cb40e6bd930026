/**
 * `pnpm bench:wall [--minutes 30] [--postgres]`: /wall in Chromium against the
 * all-in-one (PGlite, or a fresh Postgres database with --postgres) fed by the
 * fleet simulator at 2,000 messages a second. Reports the page's
 * JS heap (after a forced GC) at the start and the end, the live channel's
 * lag from a reading's publication to its delta being drawn (p50, p99), and
 * the reconnects. Progress on stderr, one JSON line last on stdout.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { loadConfig, startStack } from '@citytwin/api';
import { createTestDatabase } from '@citytwin/store/testing';
import { launchChromium } from '../support/launch-chromium';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RATE_PER_S = 2000;
const SENSORS = 2000;
const WARM_UP_MS = 30_000;
const SAMPLE_EVERY_MS = 200;

interface WallSample {
  liveLagMs: number | null;
  reconnects: number;
  dataAsOf: string | null;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const log = (text: string) => process.stderr.write(`[bench:wall] ${text}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { minutes: { type: 'string', default: '30' }, postgres: { type: 'boolean', default: false } } });
  const minutes = Number(values.minutes);
  if (!(minutes > 0)) throw new Error(`--minutes: "${values.minutes}" is not a positive number`);
  const dataDir = await mkdtemp(join(tmpdir(), 'citytwin-bench-wall-'));
  // --postgres: a fresh database on the test server (TEST_DATABASE_URL) instead of embedded PGlite.
  const database = values.postgres ? await createTestDatabase() : undefined;
  log(`store: ${database ? 'postgres' : 'pglite'}`);
  // The stack logs to stderr: stdout carries only the result line.
  const stack = await startStack(
    loadConfig({ PORT: '0', MQTT_PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SIMULATE: 'off', LOG_LEVEL: 'warn', ...(database ? { DATABASE_URL: database.url } : {}) }),
    pino({ level: 'warn' }, pino.destination(2)),
  );
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
    await page.goto(`${stack.url}/wall?cycle=20`);
    await page.waitForFunction(() => (globalThis as unknown as { __citytwin?: { ready: boolean } }).__citytwin?.ready === true, null, { timeout: 120_000 });
    log(`wall ready; warming up ${WARM_UP_MS / 1000} s with the fleet at ${RATE_PER_S} msg/s`);
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
    const heapStartMb = await heapMb();
    const startReconnects = (await sample())?.reconnects ?? 0;
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
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    fleet.kill('SIGINT');
    // A simulator that lost its broker may not stop on SIGINT; it must not outlive the bench.
    await Promise.race([new Promise((resolve) => fleet.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (fleet.exitCode === null && fleet.signalCode === null) fleet.kill('SIGKILL');
    await browser.close();
    await stack.close();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:wall failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
