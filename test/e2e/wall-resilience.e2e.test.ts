import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mqtt, { type MqttClient } from 'mqtt';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIngestWorker, type IngestWorker } from '@citytwin/ingest';
import { freePort, startMosquitto, type MosquittoInstance } from '@citytwin/ingest/testing';
import { CITY_PROFILES } from '@citytwin/shared';
import { openStore, type Store } from '@citytwin/store';
import { createTestDatabase } from '@citytwin/store/testing';
import { launchChromium, type LaunchedChromium } from '../support/launch-chromium';
import { pollUntil } from '../support/poll-until';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SENSORS = Array.from({ length: 12 }, (_, i) => ({ id: `wall-${i}`, lat: 39.88 + (i % 4) * 0.02, lng: 116.34 + Math.floor(i / 4) * 0.04 }));

interface WallState {
  scene: string;
  stale: boolean;
  staleSince: string | null;
  dataAsOf: string | null;
  reconnects: number;
}
interface Globals {
  __citytwin?: { ready: boolean; cellCounts: { physical: number; human: number }; wall?: WallState };
  __wallMarker?: string;
}

/** The API alone (`api/src/main.ts`, the production layout) on `port`; resolves once it listens. */
function startApi(port: number, databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, SIMULATE: 'off', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('CityTwin API listening')) return;
      clearTimeout(timer);
      resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited with ${code}:\n${output}`));
    });
  });
}

function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('wall display resilience (API as its own process, Postgres, Mosquitto, real Chromium)', () => {
  let database: { url: string; drop(): Promise<void> };
  let broker: MosquittoInstance;
  let store: Store;
  let ingest: IngestWorker;
  let publisher: MqttClient;
  let feeding: ReturnType<typeof setInterval> | undefined;
  let api: ChildProcess | undefined;
  let browser: LaunchedChromium;
  let port: number;
  const prefix = `wall${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    if (!existsSync(join(REPO_ROOT, 'web/dist/index.html'))) throw new Error('web/dist is missing: build the web app first with `pnpm --filter @citytwin/web build`');
    database = await createTestDatabase();
    broker = await startMosquitto();
    store = await openStore({ databaseUrl: database.url, maxConnections: 2 });
    ingest = await startIngestWorker({
      store, mqttUrl: broker.url, topicPrefix: prefix, city: CITY_PROFILES.beijing, resolution: 9, clientId: `ingest-${prefix}`,
      maxAgeMs: 86_400_000, logger: pino({ level: 'silent' }), protocolVersion: 5,
    });
    publisher = await mqtt.connectAsync(broker.url, { clientId: `pub-${prefix}` });
    // A small fleet reporting every second, so the data keeps moving while the API is up or down.
    let round = 0;
    feeding = setInterval(() => {
      round += 1;
      for (const sensor of SENSORS) {
        const payload = JSON.stringify({ ts: Date.now(), lat: sensor.lat, lng: sensor.lng, values: { noise_db: 50 + ((round * 7 + sensor.lat * 1000) % 30) } });
        void publisher.publishAsync(`${prefix}/sensors/${sensor.id}`, payload, { qos: 0 });
      }
    }, 1000);
    port = await freePort();
    api = await startApi(port, database.url);
    browser = await launchChromium({ width: 1280, height: 720 });
  });

  afterAll(async () => {
    clearInterval(feeding);
    await browser?.close();
    if (api) await killHard(api);
    await publisher?.endAsync();
    await ingest?.close();
    await store?.close();
    await broker?.dispose();
    await database?.drop();
  });

  it('shows "stale since" and keeps the data drawn while the API is down, then clears it and moves on without a reload', async () => {
    const { page, problems } = browser;
    await page.goto(`http://127.0.0.1:${port}/wall?scenes=overview&lang=en`);
    await page.evaluate((marker) => ((globalThis as unknown as Globals).__wallMarker = marker), 'loaded-once');
    await page.waitForFunction(() => {
      const handle = (globalThis as unknown as Globals).__citytwin;
      return handle?.ready === true && handle.cellCounts.physical > 0 && handle.wall?.stale === false;
    }, null, { timeout: 60_000 });
    const before = await page.evaluate(() => (globalThis as unknown as Globals).__citytwin!);
    expect(before.wall).toMatchObject({ scene: 'overview', stale: false, staleSince: null });
    expect(await page.locator('[data-testid=stale-badge]').count()).toBe(0);

    const stoppedAt = Date.now();
    await killHard(api!);
    api = undefined;
    await page.waitForFunction(() => (globalThis as unknown as Globals).__citytwin?.wall?.stale === true, null, { timeout: 60_000 });
    const staleAfterMs = Date.now() - stoppedAt;
    const badge = await page.locator('[data-testid=stale-badge]').textContent();
    expect(badge).toMatch(/^Stale since \d\d:\d\d$/);
    const during = await page.evaluate(() => (globalThis as unknown as Globals).__citytwin!);
    // The last data stays on the map: the same cells as before the outage.
    expect(during.cellCounts.physical).toBe(before.cellCounts.physical);
    expect(during.wall!.staleSince).not.toBeNull();
    expect(await page.locator('[data-testid=data-as-of]').textContent()).toMatch(/^Data as of \d\d:\d\d$/);

    // Down for a while: the page keeps retrying (and must not give up or go blank).
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const restartedAt = Date.now();
    api = await startApi(port, database.url);
    const listeningAt = Date.now();
    await page.waitForFunction(() => (globalThis as unknown as Globals).__citytwin?.wall?.stale === false, null, { timeout: 60_000 });
    const recoveredAfterMs = Date.now() - restartedAt;
    const recoveredAfterListeningMs = Date.now() - listeningAt;
    const asOfBefore = Date.parse(during.wall!.dataAsOf!);
    await pollUntil('data newer than before the outage', async () => {
      const asOf = await page.evaluate(() => (globalThis as unknown as Globals).__citytwin?.wall?.dataAsOf ?? null);
      return asOf && Date.parse(asOf) > asOfBefore ? true : undefined;
    }, 30_000);
    const after = await page.evaluate(() => ({ marker: (globalThis as unknown as Globals).__wallMarker, wall: (globalThis as unknown as Globals).__citytwin!.wall! }));
    expect(after.marker).toBe('loaded-once');
    expect(after.wall.reconnects).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-testid=stale-badge]').count()).toBe(0);
    expect(problems.filter((problem) => !problem.includes('WebSocket') && !problem.includes('Failed to load resource'))).toEqual([]);
    console.log(`wall resilience: stale badge ${staleAfterMs} ms after the API was killed; fresh again ${recoveredAfterMs} ms after it was started (${recoveredAfterListeningMs} ms after it listened); reconnects ${after.wall.reconnects}`);
  });
});
