import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, startStack, type Stack } from '@citytwin/api';
import { openLiveClient } from '@citytwin/api/testing';
import { cellAtLatLng, parentCell } from '@citytwin/shared';

const RES = 8;
const SITE = { lat: 39.9139, lng: 116.4005 };
const OTHER = { lat: 39.99, lng: 116.31 };

describe('live channel fed over MQTT (all-in-one: embedded broker, ingest, PGlite)', () => {
  let dataDir: string;
  let stack: Stack;
  let publisher: MqttClient;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'citytwin-live-'));
    const config = loadConfig({ PORT: '0', MQTT_PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SIMULATE: 'off', LOG_LEVEL: 'warn', WEB_DIST_DIR: '/nonexistent' });
    stack = await startStack(config, pino({ level: 'warn' }));
    publisher = await mqtt.connectAsync(stack.mqttUrl, { clientId: 'live-test-publisher' });
  });
  afterAll(async () => {
    await publisher?.endAsync();
    await stack?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('sends a snapshot, then a delta with exactly the cells the published readings moved', async () => {
    const publish = (sensorId: string, at: { lat: number; lng: number }, noiseDb: number) =>
      publisher.publishAsync(`citytwin/sensors/${sensorId}`, JSON.stringify({ ts: Date.now(), ...at, values: { noise_db: noiseDb } }), { qos: 1 });
    await publish('quiet-1', OTHER, 40);
    const quietCell = parentCell(cellAtLatLng(OTHER, 9), RES);

    const client = await openLiveClient(stack.url);
    client.send({ type: 'subscribe', layers: ['physical'], metric: 'noise_db', res: RES });
    // The first reading may still be on its way through ingest; wait until a snapshot or delta shows it.
    const snapshot = await client.next('snapshot');
    if (!snapshot.cells.some((cell) => cell.h3 === quietCell)) await client.next('delta', (delta) => delta.cells.some((cell) => cell.h3 === quietCell));

    const after = client.messages.length;
    await publish('site-1', SITE, 80);
    await publish('site-2', SITE, 90);
    const siteCell = parentCell(cellAtLatLng(SITE, 9), RES);
    const delta = await client.next('delta', (message) => message.cells.some((cell) => cell.h3 === siteCell && cell.count === 2), { after, timeoutMs: 30_000 });
    expect(delta.layer).toBe('physical');
    expect(delta.res).toBe(RES);
    // Only the site's cell moved; the quiet cell is not repeated.
    expect(delta.cells.map((cell) => cell.h3)).not.toContain(quietCell);
    expect(delta.cells.find((cell) => cell.h3 === siteCell)).toEqual({ h3: siteCell, value: 85, count: 2 });
    await client.close();
  });
});
