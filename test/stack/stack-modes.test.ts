import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, startStack, type Stack } from '@citytwin/api';
import { createTestDatabase } from '@citytwin/store/testing';
import { pollUntil } from '../support/poll-until';

const logger = pino({ level: 'silent' });

async function getJson(stack: Stack, path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${stack.url}${path}`);
  return (await response.json()) as Record<string, unknown>;
}

async function cellsOf(stack: Stack, query: string): Promise<number> {
  const body = await getJson(stack, `/api/cells?${query}`);
  return (body['cells'] as unknown[]).length;
}

/** Waits until the built-in simulator has filled both layers. */
async function waitForBothLayers(stack: Stack): Promise<{ physical: number; human: number }> {
  return pollUntil('cells on both layers', async () => {
    const physical = await cellsOf(stack, 'layer=physical&metric=noise_db&res=8');
    const human = await cellsOf(stack, 'layer=human&res=7');
    return physical > 0 && human > 0 ? { physical, human } : undefined;
  }, 90_000);
}

describe('the all-in-one stack', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('runs embedded (PGlite + in-process broker), fills both layers and keeps data across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'citytwin-stack-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const env = { PORT: '0', MQTT_PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir };
    const first = await startStack(loadConfig(env), logger);
    let physicalBefore: number;
    try {
      expect(await getJson(first, '/api/health')).toMatchObject({ status: 'ok', store: 'pglite', broker: 'embedded' });
      physicalBefore = (await waitForBothLayers(first)).physical;
    } finally {
      await first.close();
    }
    const second = await startStack(loadConfig({ ...env, SIMULATE: 'off' }), logger);
    try {
      expect(await cellsOf(second, 'layer=physical&metric=noise_db&res=8')).toBeGreaterThanOrEqual(physicalBefore);
    } finally {
      await second.close();
    }
  });

  it('runs on the PostgreSQL server and the Mosquitto broker when given their URLs', async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const stack = await startStack(
      loadConfig({
        PORT: '0', HOST: '127.0.0.1', DATABASE_URL: database.url, MQTT_URL: 'mqtt://127.0.0.1:1883',
        MQTT_TOPIC_PREFIX: `ct-stack-${randomBytes(4).toString('hex')}`,
      }),
      logger,
    );
    try {
      expect(await getJson(stack, '/api/health')).toMatchObject({ status: 'ok', store: 'postgres', broker: 'external' });
      await waitForBothLayers(stack);
    } finally {
      await stack.close();
    }
  });
});
