import { Writable } from 'node:stream';
import { pino } from 'pino';
import { openTestStore, type TestBackend } from '@citytwin/store/testing';
import type { Store } from '@citytwin/store';
import { buildApp } from '../../app/build-app';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { loadConfig } from '../../config/config';

/** API keys of the appeal tests, one per role. */
export const TEST_KEYS = { admin: 'k-admin', operator: 'k-operator', planner: 'k-planner', open311: 'k-open311' } as const;

export interface AppealTestApp {
  app: FastifyTypeBox;
  store: Store;
  /** Everything the app logged, as text. */
  logText(): string;
  /** Sets the injected clock (epoch ms). */
  setNow(ms: number): void;
  close(): Promise<void>;
}

/** An app over a fresh test store, with one key per role and a settable clock. For tests only. */
export async function openAppealTestApp(options: { backend?: TestBackend; env?: Record<string, string> } = {}): Promise<AppealTestApp> {
  const store = await openTestStore(options.backend ?? 'pglite');
  const config = loadConfig({
    API_KEYS: Object.entries(TEST_KEYS).map(([role, key]) => `${key}=${role}`).join(','),
    SIMULATE: 'off', ...options.env,
  });
  const logs: string[] = [];
  const sink = new Writable({ write(chunk: Buffer, _encoding, done) { logs.push(chunk.toString()); done(); } });
  let now = Date.parse('2026-06-15T04:00:00Z');
  const app = await buildApp({ store, config, logger: pino({ level: 'debug' }, sink), broker: 'embedded', clock: () => now });
  return {
    app, store,
    logText: () => logs.join(''),
    setNow: (ms) => { now = ms; },
    close: async () => { await app.close(); await store.close(); },
  };
}

/** The Authorization header of a role's key. */
export function as(role: keyof typeof TEST_KEYS): { authorization: string } {
  return { authorization: `Bearer ${TEST_KEYS[role]}` };
}
