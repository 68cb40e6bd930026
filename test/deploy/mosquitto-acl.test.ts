import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquitto, waitFor, type MosquittoInstance } from '@citytwin/ingest/testing';

const run = promisify(execFile);
// The ACL docker-compose.yml mounts, unchanged.
const ACL = fileURLToPath(new URL('../../docs/deploy/mosquitto.acl', import.meta.url));
const USERS = { 'citytwin-ingest': 'ingest-pw', 's-1': 'device-1-pw', 's-2': 'device-2-pw' };

describe('the deployment broker: passwords and the shipped ACL on a real Mosquitto', () => {
  let dir: string;
  let broker: MosquittoInstance;
  const clients: MqttClient[] = [];
  const connect = async (username?: string, password?: string) => {
    const client = await mqtt.connectAsync(broker.url, { protocolVersion: 5, reconnectPeriod: 0, ...(username ? { username, password } : {}) });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'citytwin-acl-'));
    const passwordFile = join(dir, 'passwd');
    for (const [user, password] of Object.entries(USERS)) await run('mosquitto_passwd', [...(user === 'citytwin-ingest' ? ['-c'] : []), '-b', passwordFile, user, password]);
    broker = await startMosquitto({ passwordFile, aclFile: ACL });
  });
  afterAll(async () => {
    for (const client of clients) await client.endAsync(true).catch(() => undefined);
    await broker?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses anonymous clients and wrong passwords', async () => {
    await expect(connect()).rejects.toThrow(/Not authorized|Bad User Name or Password/i);
    await expect(connect('s-1', 'wrong')).rejects.toThrow(/Not authorized|Bad User Name or Password/i);
  });

  it('does not let a device read other devices\' telemetry', async () => {
    const snoop = await connect('s-2', USERS['s-2']);
    const seen: string[] = [];
    snoop.on('message', (topic) => seen.push(topic));
    await snoop.subscribeAsync('citytwin/sensors/#', { qos: 1 });
    const device = await connect('s-1', USERS['s-1']);
    await device.publishAsync('citytwin/sensors/s-1', '{"values":{"pm25":3}}', { qos: 1 });
    const ingest = await connect('citytwin-ingest', USERS['citytwin-ingest']);
    const got: string[] = [];
    ingest.on('message', (topic) => got.push(topic));
    await ingest.subscribeAsync('citytwin/sensors/#', { qos: 1 });
    await device.publishAsync('citytwin/sensors/s-1', '{"values":{"pm25":4}}', { qos: 1 });
    await waitFor('ingest got it', () => got.length >= 1, 10_000);
    expect(seen).toEqual([]);
  });
});
