import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadConfig, startStack } from '@citytwin/api';
import { freePort, startMosquitto } from '@citytwin/ingest/testing';
import { createTestDatabase } from '@citytwin/store/testing';
import type { IngestFigures } from './wall-stages';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** How the system under the wall is laid out. */
export const WALL_LAYOUTS = ['production', 'all-in-one'] as const;
export type WallLayout = (typeof WALL_LAYOUTS)[number];

/** What the wall and the fleet talk to. */
export interface WallTarget {
  url: string;
  mqttUrl: string;
  /** What the layout runs, for the log. */
  description: string;
  /** Ingest's counters, when ingest runs in this process. */
  ingest?: () => IngestFigures;
  /** Whether the API shares this process (its event-loop delay is then measured here). */
  apiInProcess: boolean;
  close(): Promise<void>;
}

/** Starts a workspace entry point (`api/src/main.ts`, `ingest/src/main.ts`) and resolves once its log says `ready`. */
function startProcess(entry: string, env: Record<string, string>, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: REPO_ROOT, env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start within 120 s:\n${output.slice(-2000)}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (output.includes(ready)) return;
      output += chunk.toString();
      if (!output.includes(ready)) return;
      clearTimeout(timer);
      resolve(child);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The production layout (docs/deploy): the API and an ingest worker as their
 * own processes on a fresh Postgres database, with Mosquitto as the broker,
 * so the API's event loop serves the live channel alone.
 */
async function startProduction(): Promise<WallTarget> {
  const database = await createTestDatabase();
  const broker = await startMosquitto();
  const port = await freePort();
  const children: ChildProcess[] = [];
  const close = async () => {
    for (const child of children.reverse()) await stopProcess(child);
    await broker.dispose();
    await database.drop();
  };
  try {
    // The API first: it applies the migrations the worker then finds done.
    children.push(await startProcess('api/src/main.ts', { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: database.url, SIMULATE: 'off' }, 'CityTwin API listening'));
    children.push(await startProcess('ingest/src/main.ts', { DATABASE_URL: database.url, MQTT_URL: broker.url }, 'ingest worker running'));
  } catch (error) {
    await close();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, mqttUrl: broker.url, description: 'production: API and ingest as their own processes, Postgres, Mosquitto', apiInProcess: false, close };
}

/** The all-in-one (`pnpm start`) in this process: PGlite, or a fresh Postgres database with `postgres`. */
async function startAllInOne(postgres: boolean): Promise<WallTarget> {
  const dataDir = await mkdtemp(join(tmpdir(), 'citytwin-bench-wall-'));
  const database = postgres ? await createTestDatabase() : undefined;
  // The stack logs to stderr: stdout carries only the result line.
  const stack = await startStack(
    loadConfig({ PORT: '0', MQTT_PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SIMULATE: 'off', LOG_LEVEL: 'warn', ...(database ? { DATABASE_URL: database.url } : {}) }),
    pino({ level: 'warn' }, pino.destination(2)),
  );
  return {
    url: stack.url, mqttUrl: stack.mqttUrl, description: `all-in-one in one process, ${database ? 'Postgres' : 'PGlite'}, embedded broker`,
    ingest: () => stack.ingest.stats(), apiInProcess: true,
    close: async () => {
      await stack.close();
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts what the wall bench runs against. */
export function startWallTarget(layout: WallLayout, postgres: boolean): Promise<WallTarget> {
  return layout === 'production' ? startProduction() : startAllInOne(postgres);
}
