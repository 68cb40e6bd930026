import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, startStack, type Stack } from '@citytwin/api';
import { realDataDir } from '@citytwin/api/testing';
import { runCommand } from '@citytwin/simulators';
import { countAppeals, countReadings } from '@citytwin/store';
import { pollUntil } from '../support/poll-until';

const KEY = 'redhook-admin';

describe('replay nyc-redhook', () => {
  let stack: Stack;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'citytwin-redhook-'));
    stack = await startStack(loadConfig({ PORT: '0', MQTT_PORT: '0', DATA_DIR: dataDir, SIMULATE: 'off', HOST: '127.0.0.1', CITY: 'nyc', API_KEYS: `${KEY}=admin` }), pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await stack?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('puts the Red Hook noise readings and 311 noise complaints of summer 2016 on both layers', async () => {
    let out = '';
    const io = { stdout: { write: (text: string) => (out += text) }, stderr: { write: (text: string) => (out += text) } };
    const code = await runCommand(['replay', 'nyc-redhook', '--dir', realDataDir(), '--speed', 'max', '--mqtt-url', stack.mqttUrl, '--api-url', stack.url, '--api-key', KEY], io);
    console.log(out.trim());
    expect(code).toBe(0);
    // 486 rows, less the 125 of sensor_4, which has no coordinates in the source.
    await pollUntil('the Red Hook readings stored', async () => ((await countReadings(stack.store.db)) >= 361 ? true : undefined), 60_000);
    expect(await countReadings(stack.store.db)).toBe(361);
    expect(await countAppeals(stack.store.db)).toBeGreaterThanOrEqual(116);
    const window = 'from=2016-06-20T00:00:00Z&to=2016-07-15T00:00:00Z&res=8';
    const headers = { authorization: `Bearer ${KEY}` };
    const physical = (await (await fetch(`${stack.url}/api/cells?layer=physical&metric=noise_db&${window}`, { headers })).json()) as { cells: Array<{ h3: string }> };
    const human = (await (await fetch(`${stack.url}/api/cells?layer=human&category=noise&${window}`, { headers })).json()) as { cells: Array<{ h3: string }> };
    expect(physical.cells.length).toBeGreaterThan(0);
    expect(human.cells.length).toBeGreaterThan(0);
    // At least one res-8 cell (~0.7 km²) holds both a sensor and complaints.
    expect(physical.cells.some((cell) => human.cells.some((other) => other.h3 === cell.h3))).toBe(true);
  });
});
