import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, startStack, type Stack } from '@citytwin/api';
import { runCommand } from '@citytwin/simulators';
import { countReadings } from '@citytwin/store';
import { pollUntil } from '../support/poll-until';

describe('twin simulate sensors into the embedded stack', () => {
  let stack: Stack;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'citytwin-fleet-'));
    stack = await startStack(loadConfig({ PORT: '0', MQTT_PORT: '0', DATA_DIR: dataDir, SIMULATE: 'off', HOST: '127.0.0.1', API_KEYS: 'k=admin' }), pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await stack?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each([['native', '1'], ['senml', '5']])('stores every reading sent as %s (pack %s)', async (format, pack) => {
    const before = await countReadings(stack.store.db);
    let out = '';
    const io = { stdout: { write: (text: string) => (out += text) }, stderr: { write: (text: string) => (out += text) } };
    const argv = ['simulate', 'sensors', '--sensors', '100', '--rate', '100/s', '--duration', '2s', '--format', format, '--pack', pack, '--qos', '1', '--seed', '7', '--mqtt-url', stack.mqttUrl];
    expect(await runCommand(argv, io)).toBe(0);
    const sent = Number(/totals: \d+ messages, (\d+) readings, 0 errors/.exec(out)?.[1]);
    console.log(out.trim().split('\n').pop());
    expect(sent).toBeGreaterThan(0);
    const stored = await pollUntil(`${sent} ${format} readings stored`, async () => {
      const count = (await countReadings(stack.store.db)) - before;
      return count >= sent ? count : undefined;
    }, 30_000);
    expect(stored).toBe(sent);
  });
  it('sends faults ingest must handle: garbled payloads are dead-lettered, duplicates stored once', async () => {
    const before = { readings: await countReadings(stack.store.db), ...stack.ingest.stats() };
    let out = '';
    const io = { stdout: { write: (text: string) => (out += text) }, stderr: { write: (text: string) => (out += text) } };
    const argv = ['simulate', 'sensors', '--sensors', '100', '--rate', '100/s', '--duration', '2s', '--qos', '1', '--seed', '8', '--faults', 'malformed=0.2,duplicate=0.2', '--mqtt-url', stack.mqttUrl];
    expect(await runCommand(argv, io)).toBe(0);
    const sent = Number(/totals: \d+ messages, (\d+) readings, 0 errors/.exec(out)?.[1]);
    const stats = await pollUntil('garbled payloads dead-lettered and duplicates seen', async () => {
      const now = stack.ingest.stats();
      return now.deadLetters - before.deadLetters >= 20 && now.readingsDuplicate > before.readingsDuplicate ? now : undefined;
    }, 30_000);
    console.log(`faults: ${sent} valid readings sent, ${stats.deadLetters - before.deadLetters} dead letters, ${stats.readingsDuplicate - before.readingsDuplicate} duplicate readings`);
    await pollUntil('valid readings stored', async () => ((await countReadings(stack.store.db)) - before.readings >= sent ? true : undefined), 30_000);
    expect((await countReadings(stack.store.db)) - before.readings).toBe(sent);
  });
});
