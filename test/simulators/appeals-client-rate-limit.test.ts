import { setTimeout as delay } from 'node:timers/promises';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, loadConfig } from '@citytwin/api';
import { CITY_PROFILES } from '@citytwin/shared';
import { AppealsClient } from '@citytwin/simulators';
import { countAppeals, type Store } from '@citytwin/store';
import { openTestStore } from '@citytwin/store/testing';

const KEY = 'rate-limited-operator';
const LIMIT_PER_MINUTE = 5;

describe('the simulators\' AppealsClient against the real API over its write rate limit', () => {
  let store: Store;
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    store = await openTestStore('pglite');
    const config = loadConfig({ SIMULATE: 'off', API_KEYS: `${KEY}=operator`, RATE_LIMIT_KEYED: String(LIMIT_PER_MINUTE), WEB_DIST_DIR: '/nonexistent' });
    const app = await buildApp({ store, config, logger: pino({ level: 'silent' }), broker: 'external', clock: Date.now });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    close = () => app.close();
  });
  afterAll(async () => {
    await close?.();
    await store?.close();
  });

  // Waits out the API's one-minute window once: the test takes up to a minute.
  it('waits out the 429 as Retry-After says and stores every appeal exactly once', async () => {
    const waits: number[] = [];
    const client = new AppealsClient(url, KEY, { sleep: async (ms) => {
      waits.push(ms);
      await delay(ms);
    } });
    const [lng, lat] = CITY_PROFILES.beijing.centre;
    const ids: Array<string | undefined> = [];
    for (let n = 0; n < LIMIT_PER_MINUTE + 3; n += 1) {
      ids.push(await client.createAppeal({ category: 'noise.construction', channel: 'hotline', description: `rate-limited appeal ${n}`, lat: lat + 0.001 * n, lng, receivedAt: new Date().toISOString() }));
    }
    expect(client.stats).toMatchObject({ appeals: LIMIT_PER_MINUTE + 3, errors: 0, retried: 1, lastError: null });
    expect(new Set(ids).size).toBe(LIMIT_PER_MINUTE + 3);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(await countAppeals(store.db)).toBe(LIMIT_PER_MINUTE + 3);
    // The API's Retry-After: whole seconds left in its window.
    expect(waits).toHaveLength(1);
    expect(waits[0]! % 1000).toBe(0);
    expect(waits[0]!).toBeGreaterThan(0);
    expect(waits[0]!).toBeLessThanOrEqual(60_000);
  });
});
