import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, startStack, type Stack } from '@citytwin/api';
import { realDataPath } from '@citytwin/api/testing';
import { runCommand } from '@citytwin/simulators';
import { countReadings, findNewestReadingMs } from '@citytwin/store';
import { pollUntil } from '../support/poll-until';

const FILE = realDataPath('beijing/air/PRSA_Data_Dongsi_20130301-20170228.csv');
/** The file's last replayed hour: 2015-12-31 23:00 Beijing time. */
const LAST_HOUR_MS = Date.parse('2015-12-31T15:00:00Z');

interface AlertRow { id: string; metric?: string; h3: string; status: string; openedAt: string; closedAt: string | null; peak: { value: number; z: number; at: string }; baseline: { median: number; mad: number } }

const beijingDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('Dongsi, October to December 2015, replayed over MQTT into the recent past', () => {
  let stack: Stack;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'citytwin-dongsi-'));
    stack = await startStack(loadConfig({ PORT: '0', MQTT_PORT: '0', DATA_DIR: dataDir, SIMULATE: 'off', HOST: '127.0.0.1', API_KEYS: 'k=admin' }), pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await stack?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('raises PM2.5 alerts in the heavy-smog episodes of late November and early December', async () => {
    let out = '';
    const io = { stdout: { write: (text: string) => (out += text) }, stderr: { write: (text: string) => (out += text) } };
    // October gives November its four weeks of baseline.
    const code = await runCommand(['replay', 'beijing-air', FILE, '--from', '2015-10-01T00:00+08:00', '--to', '2016-01-01T00:00+08:00', '--shift-to-now', '--speed', 'max', '--mqtt-url', stack.mqttUrl], io);
    expect(code, out).toBe(0);
    const expected = Number(/(\d+) readings/.exec(out)?.[1]);
    await pollUntil('every replayed reading stored', async () => ((await countReadings(stack.store.db, 'bj-air-1003A')) >= expected ? true : undefined), 120_000, 500);
    const shiftMs = (await findNewestReadingMs(stack.store.db))! - LAST_HOUR_MS;
    // The job evaluates what arrived (its passes run on a timer too; one more here does not wait for it).
    const alerts = await pollUntil('PM2.5 alerts', async () => {
      await stack.alertJob.runPass();
      const response = await fetch(`${stack.url}/api/alerts?metric=pm25&limit=1000`);
      const body = (await response.json()) as { alerts: AlertRow[] };
      return body.alerts.length > 0 ? body.alerts : undefined;
    }, 120_000, 2000);
    const original = alerts.map((alert) => ({
      opened: Date.parse(alert.openedAt) - shiftMs,
      closed: alert.closedAt === null ? null : Date.parse(alert.closedAt) - shiftMs,
      peak: alert.peak, baseline: alert.baseline,
    })).sort((a, b) => a.opened - b.opened);
    console.log(`Dongsi PM2.5 alerts (Beijing time, shifted back by ${(shiftMs / 86_400_000).toFixed(2)} days):\n${original.map((alert) =>
      `  ${beijingDay(alert.opened)} -> ${alert.closed === null ? 'open' : beijingDay(alert.closed)}  peak ${alert.peak.value} µg/m³ (z ${alert.peak.z.toFixed(1)}) at ${beijingDay(Date.parse(alert.peak.at) - shiftMs)}, baseline median ${alert.baseline.median} MAD ${alert.baseline.mad}`).join('\n')}`);
    const during = (from: string, to: string) => original.some((alert) => alert.opened < Date.parse(to) && (alert.closed ?? Infinity) > Date.parse(from));
    // The episodes every account of that winter names: 27 Nov - 1 Dec (PM2.5 near 1000 µg/m³ on 1 Dec) and 7-10 Dec (the first red alert).
    expect(during('2015-11-27T00:00:00+08:00', '2015-12-02T00:00:00+08:00')).toBe(true);
    expect(during('2015-12-07T00:00:00+08:00', '2015-12-11T00:00:00+08:00')).toBe(true);
    // Alerts open in the real time line: none before the baseline exists (two weeks of history).
    expect(original.every((alert) => alert.opened >= Date.parse('2015-10-15T00:00:00+08:00'))).toBe(true);
    const sample = alerts[0]!;
    expect(sample).toMatchObject({ metric: 'pm25', h3: expect.any(String) });
  });
});
