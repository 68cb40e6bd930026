import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Store } from '@citytwin/store';
import { openTestStore, type TestBackend } from '@citytwin/store/testing';
import { buildApp } from '../app/build-app';
import type { AppContextInput } from '../app/app-context';
import type { FastifyTypeBox } from '../app/fastify-typebox';
import { loadConfig, type ApiConfig } from '../config/config';

export interface TestApp {
  app: FastifyTypeBox;
  store: Store;
  config: ApiConfig;
  /** Everything the app logged (at debug and above), as text. */
  logText(): string;
  /** Moves the injected clock (epoch ms). */
  setNow(epochMs: number): void;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Read like the process environment (e.g. API_KEYS). */
  env?: Record<string, string>;
  backend?: TestBackend;
  /** Initial value of the injected clock. */
  nowMs?: number;
  /** Context fields of a deployment: the broker readiness probes, the shutdown state, a read replica. */
  context?: Pick<AppContextInput, 'brokerUrl' | 'lifecycle' | 'readDb' | 'replicaStatus'>;
}

/** The HTTP app over a fresh test store with an injected clock and captured logs, for `app.inject` tests. */
export async function openTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const store = await openTestStore(options.backend ?? 'pglite');
  const config = loadConfig({ SIMULATE: 'off', WEB_DIST_DIR: '/nonexistent', ...options.env });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  let now = options.nowMs ?? Date.parse('2026-06-01T12:00:00Z');
  const app = await buildApp({ store, config, logger: pino({ level: 'debug' }, sink), broker: 'embedded', clock: () => now, ...options.context });
  await app.ready();
  return {
    app,
    store,
    config,
    logText: () => logs.join(''),
    setNow: (epochMs) => {
      now = epochMs;
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}
