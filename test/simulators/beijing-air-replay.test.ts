import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, startStack, type Stack } from '@citytwin/api';
import { realDataPath } from '@citytwin/api/testing';
import { runCommand } from '@citytwin/simulators';
import { countReadings } from '@citytwin/store';
import { pollUntil } from '../support/poll-until';

const FILE = realDataPath('beijing/air/PRSA_Data_Dongsi_20130301-20170228.csv');
/** The columns replayed: PM2.5, PM10, NO2, O3, TEMP (SO2 and CO have no catalogue metric). */
const REPLAYED = ['PM2.5', 'PM10', 'NO2', 'O3', 'TEMP'];

/** Non-NA values of the replayed columns, counted straight from the file. */
async function nonNaValues(path: string): Promise<number> {
  const [header, ...lines] = (await readFile(path, 'utf8')).trim().split('\n');
  const columns = header!.split(',').map((name) => name.replaceAll('"', ''));
  const indexes = REPLAYED.map((name) => columns.indexOf(name));
  return lines.reduce((sum, line) => {
    const cells = line.split(',');
    return sum + indexes.filter((index) => cells[index] !== 'NA' && cells[index] !== '').length;
  }, 0);
}

describe('replay beijing-air of one station', () => {
  let stack: Stack;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'citytwin-replay-'));
    stack = await startStack(loadConfig({ PORT: '0', MQTT_PORT: '0', DATA_DIR: dataDir, SIMULATE: 'off', HOST: '127.0.0.1', API_KEYS: 'k=admin' }), pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await stack?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores as many readings as the file has non-NA values, at their original times', async () => {
    const expected = await nonNaValues(FILE);
    let out = '';
    const io = { stdout: { write: (text: string) => (out += text) }, stderr: { write: (text: string) => (out += text) } };
    const code = await runCommand(['replay', 'beijing-air', FILE, '--speed', 'max', '--mqtt-url', stack.mqttUrl], io);
    console.log(out.trim());
    expect(code).toBe(0);
    expect(out).toContain(`${expected} readings`);
    const stored = await pollUntil('every replayed reading stored', async () => {
      const count = await countReadings(stack.store.db, 'bj-air-1003A');
      return count >= expected ? count : undefined;
    }, 120_000, 500);
    expect(stored).toBe(expected);
    // The file's first hour, 2013-03-01 00:00 Beijing time, PM2.5 = 9.
    const response = await fetch(`${stack.url}/api/cells?layer=physical&metric=pm25&res=9&from=2013-02-28T16:00:00Z&to=2013-02-28T16:30:00Z`);
    expect(((await response.json()) as { cells: unknown[] }).cells).toEqual([expect.objectContaining({ value: 9, count: 1 })]);
  });
});
