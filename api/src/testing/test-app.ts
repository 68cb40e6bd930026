import { pino } from 'pino';
import type { Store } from '@citytwin/store';
import { openTestStore, type TestBackend } from '@citytwin/store/testing';
import { buildApp } from '../app/build-app';
import type { FastifyTypeBox } from '../app/fastify-typebox';
import { loadConfig, type ApiConfig } from '../config/config';

export interface TestApp {
  app: FastifyTypeBox;
  store: Store;
  config: ApiConfig;
  /** Moves the injected clock. */
  setNow(epochMs: number): void;
  close(): Promise<void>;
}

/**
 * The HTTP app over a fresh test store with an injected clock, for `app.inject`
 * tests. `env` is read like the process environment (e.g. API_KEYS).
 */
export async function openTestApp(env: Record<string, string> = {}, backend: TestBackend = 'pglite'): Promise<TestApp> {
  const store = await openTestStore(backend);
  const config = loadConfig({ SIMULATE: 'off', WEB_DIST_DIR: '/nonexistent', ...env });
  let now = Date.parse('2026-06-01T12:00:00Z');
  const app = await buildApp({ store, config, logger: pino({ level: 'silent' }), broker: 'embedded', clock: () => now });
  await app.ready();
  return {
    app,
    store,
    config,
    setNow: (epochMs) => {
      now = epochMs;
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}
