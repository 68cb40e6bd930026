import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquittoWithConfig, waitFor, type MosquittoInstance } from '@citytwin/ingest/testing';

const run = promisify(execFile);
// The broker config, ACL and secrets script that docker-compose.yml relies on, unchanged.
const CONF = fileURLToPath(new URL('../../docs/deploy/mosquitto.conf', import.meta.url));
const ACL = fileURLToPath(new URL('../../docs/deploy/mosquitto.acl', import.meta.url));
const MAKE_SECRETS = fileURLToPath(new URL('../../docs/deploy/make-secrets.sh', import.meta.url));
/**
 * The image's broker drops to an unprivileged user before it opens the password file; as root,
 * the test does the same with the local `mosquitto` user.
 */
const BROKER_USER = process.getuid?.() === 0 ? 'mosquitto' : undefined;
/** MQTT 5 reason code "Not authorized" (PUBACK and SUBACK). */
const NOT_AUTHORIZED = 0x87;

interface Received {
  topic: string;
  payload: string;
}

interface Secrets {
  passwordFile: string;
  /** Every user's password: the env file's and the devices' printed ones. */
  passwords: Record<string, string>;
  /** The ingest workers' shared-subscription group. */
  sharedGroup: string;
}

/** Runs the shipped script into `dir` for `devices`, the password file readable by `brokerUid`. */
async function makeSecrets(dir: string, devices: string[], brokerUid: number): Promise<Secrets> {
  const passwordFile = join(dir, 'passwd');
  const envFile = join(dir, 'env');
  const env = { ...process.env, ENV_FILE: envFile, MOSQUITTO_PASSWD_FILE: passwordFile, MOSQUITTO_UID: String(brokerUid) };
  const { stdout } = await run('bash', [MAKE_SECRETS, '--device', ...devices], { env });
  const made = await readFile(envFile, 'utf8');
  const envValue = (name: string) => new RegExp(`^${name}=(.+)$`, 'm').exec(made)?.[1] ?? '';
  const passwords: Record<string, string> = {
    'citytwin-ingest': envValue('MQTT_INGEST_PASSWORD'),
    'citytwin-simulator': envValue('MQTT_SIMULATOR_PASSWORD'),
  };
  for (const match of stdout.matchAll(/^device (\S+): MQTT user \S+, password (\S+)/gm)) passwords[match[1]!] = match[2]!;
  return { passwordFile, passwords, sharedGroup: envValue('INGEST_SHARED_GROUP') };
}

describe('the deployment broker: the secrets script and the shipped ACL on a real Mosquitto', () => {
  let dir: string;
  let broker: MosquittoInstance;
  let passwords: Record<string, string>;
  let sharedGroup: string;
  let passwordFile: string;
  let brokerUid: number;
  const clients: MqttClient[] = [];
  const connect = async (username?: string, password = username ? passwords[username] : undefined) => {
    const client = await mqtt.connectAsync(broker.url, { protocolVersion: 5, reconnectPeriod: 0, ...(username ? { username, password } : {}) });
    clients.push(client);
    return client;
  };
  const collect = (client: MqttClient): Received[] => {
    const received: Received[] = [];
    client.on('message', (topic, payload) => received.push({ topic, payload: payload.toString() }));
    return received;
  };
  /** The MQTT 5 reason code a publish is acknowledged with (0 = accepted). */
  const publishReason = async (client: MqttClient, topic: string, payload: string) => {
    try {
      const packet = await client.publishAsync(topic, payload, { qos: 1 });
      return packet?.reasonCode ?? 0;
    } catch (error) {
      return (error as { code?: number }).code ?? -1;
    }
  };
  /** The reason code of each topic of one SUBSCRIBE. */
  const subscribeReasons = async (client: MqttClient, topics: string[]) => {
    try {
      return (await client.subscribeAsync(topics, { qos: 1 })).map((grant) => grant.qos);
    } catch (error) {
      return [(error as { code?: number }).code ?? -1];
    }
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'citytwin-acl-'));
    brokerUid = BROKER_USER ? Number((await run('id', ['-u', BROKER_USER])).stdout.trim()) : process.getuid!();
    await chmod(dir, 0o755);
    const secrets = await makeSecrets(dir, ['s-1', 's-2'], brokerUid);
    passwords = secrets.passwords;
    sharedGroup = secrets.sharedGroup;
    passwordFile = secrets.passwordFile;
    const shipped = await readFile(CONF, 'utf8');
    broker = await startMosquittoWithConfig(async (port, dataDir) => {
      if (BROKER_USER) await chown(dataDir, brokerUid, brokerUid);
      return [
        shipped.replace(/^listener 1883$/m, `listener ${port} 127.0.0.1`).replace('/mosquitto/config/passwd', secrets.passwordFile)
          .replace('/mosquitto/config/acl', ACL).replace('/mosquitto/data/', `${dataDir}/`),
        BROKER_USER ? `user ${BROKER_USER}` : '',
      ].join('\n');
    });
  });
  afterAll(async () => {
    for (const client of clients) await client.endAsync(true).catch(() => undefined);
    await broker?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('the script gives every user a password of its own, the workers a secret group, and the broker\'s user the password file', async () => {
    expect(sharedGroup).toMatch(/^[A-Za-z0-9]{24,}$/);
    const file = await stat(passwordFile);
    expect({ uid: file.uid, mode: file.mode & 0o777 }).toEqual({ uid: brokerUid, mode: 0o600 });
    expect(Object.keys(passwords).sort()).toEqual(['citytwin-ingest', 'citytwin-simulator', 's-1', 's-2']);
    expect(new Set(Object.values(passwords)).size).toBe(4);
    for (const password of Object.values(passwords)) expect(password.length).toBeGreaterThanOrEqual(24);
  });

  it('refuses anonymous clients and wrong passwords', async () => {
    await expect(connect()).rejects.toThrow(/Not authorized|Bad User Name or Password/i);
    await expect(connect('s-1', 'wrong')).rejects.toThrow(/Not authorized|Bad User Name or Password/i);
    await expect(connect('s-1', passwords['s-2'])).rejects.toThrow(/Not authorized|Bad User Name or Password/i);
  });

  it('delivers a device\'s telemetry and meta on its own topics to the ingest user', async () => {
    const ingest = await connect('citytwin-ingest');
    const got = collect(ingest);
    expect(await subscribeReasons(ingest, ['citytwin/sensors/#'])).toEqual([1]);
    const device = await connect('s-1');
    expect(await publishReason(device, 'citytwin/sensors/s-1', '{"values":{"pm25":4}}')).toBe(0);
    expect(await publishReason(device, 'citytwin/sensors/s-1/meta', '{"lat":39.9,"lng":116.4}')).toBe(0);
    await waitFor('ingest to get both', () => got.length >= 2, 10_000);
    expect(got).toEqual([
      { topic: 'citytwin/sensors/s-1', payload: '{"values":{"pm25":4}}' },
      { topic: 'citytwin/sensors/s-1/meta', payload: '{"lat":39.9,"lng":116.4}' },
    ]);
  });

  it('drops what a device publishes under another sensor\'s id, answering Not authorized', async () => {
    const ingest = await connect('citytwin-ingest');
    const got = collect(ingest);
    await ingest.subscribeAsync('citytwin/sensors/#', { qos: 1 });
    const device = await connect('s-1');
    expect(await publishReason(device, 'citytwin/sensors/s-2', '{"values":{"pm25":999}}')).toBe(NOT_AUTHORIZED);
    expect(await publishReason(device, 'citytwin/sensors/s-2/meta', '{"lat":0,"lng":0}')).toBe(NOT_AUTHORIZED);
    expect(await publishReason(device, 'citytwin/sensors', 'x')).toBe(NOT_AUTHORIZED);
    expect(await publishReason(device, 'citytwin/other', 'x')).toBe(NOT_AUTHORIZED);
    // Mosquitto delivers one client's QoS 1 messages in order: once this marker is in, a forged
    // message that had got through would be in too.
    await device.publishAsync('citytwin/sensors/s-1', 'marker', { qos: 1 });
    await waitFor('the marker', () => got.some((message) => message.payload === 'marker'), 10_000);
    expect(got).toEqual([{ topic: 'citytwin/sensors/s-1', payload: 'marker' }]);
  });

  it('lets the ingest workers share one subscription: each message reaches exactly one of them', async () => {
    const workers = [await connect('citytwin-ingest'), await connect('citytwin-ingest')];
    const got = workers.map(collect);
    for (const worker of workers) expect(await subscribeReasons(worker, [`$share/${sharedGroup}/citytwin/sensors/#`])).toEqual([1]);
    const device = await connect('s-2');
    const sent = Array.from({ length: 20 }, (_, index) => `{"seq":${index}}`);
    for (const payload of sent) await device.publishAsync('citytwin/sensors/s-2', payload, { qos: 1 });
    await waitFor('all 20 shared', () => got[0]!.length + got[1]!.length >= sent.length, 10_000);
    expect([...got[0]!, ...got[1]!].map((message) => message.payload).sort()).toEqual([...sent].sort());
    // The broker spreads the group's messages over its members (round robin by default).
    expect(got[0]!.length).toBeGreaterThan(0);
    expect(got[1]!.length).toBeGreaterThan(0);
    // Leave the group, so the next test's workers are its only members.
    for (const worker of workers) await worker.endAsync();
  });

  /**
   * Mosquitto grants a SUBSCRIBE and checks read access per message at delivery. A QoS 1
   * round trip of `client`'s own, after the publisher's PUBACK, is the barrier: anything the
   * broker had queued for `client` arrives before that PUBACK.
   */
  const roundTrip = async (client: MqttClient, ownTopic: string) => {
    expect(await publishReason(client, ownTopic, '{"values":{"pm25":1}}')).toBe(0);
  };

  it('never delivers other devices\' telemetry to a device, plainly or through a shared subscription', async () => {
    const snoop = await connect('s-2');
    const seen = collect(snoop);
    await subscribeReasons(snoop, ['citytwin/sensors/#', 'citytwin/sensors/s-1', '$share/snoops/citytwin/sensors/#', '#']);
    const ingest = await connect('citytwin-ingest');
    const got = collect(ingest);
    await ingest.subscribeAsync('citytwin/sensors/#', { qos: 1 });
    const device = await connect('s-1');
    expect(await publishReason(device, 'citytwin/sensors/s-1', '{"values":{"pm25":5}}')).toBe(0);
    expect(await publishReason(device, 'citytwin/sensors/s-1/meta', '{"lat":39.9,"lng":116.4}')).toBe(0);
    await roundTrip(snoop, 'citytwin/sensors/s-2');
    await waitFor('ingest got them', () => got.length >= 3, 10_000);
    expect(seen).toEqual([]);
  });

  // Mosquitto deals a shared group's message to a member that may not read it, and drops it
  // there: a device in the workers' group would take its share of the telemetry away.
  it('a device cannot take telemetry from the ingest workers by guessing their shared group', async () => {
    const workers = [await connect('citytwin-ingest'), await connect('citytwin-ingest')];
    const got = workers.map(collect);
    for (const worker of workers) await worker.subscribeAsync(`$share/${sharedGroup}/citytwin/sensors/#`, { qos: 1 });
    const snoop = await connect('s-2');
    const seen = collect(snoop);
    await subscribeReasons(snoop, ['$share/citytwin-ingest/citytwin/sensors/#', '$share/ingest/citytwin/sensors/#', '$share/citytwin/citytwin/sensors/#']);
    const device = await connect('s-1');
    const sent = Array.from({ length: 30 }, (_, index) => `{"seq":${index}}`);
    for (const payload of sent) expect(await publishReason(device, 'citytwin/sensors/s-1', payload)).toBe(0);
    await roundTrip(snoop, 'citytwin/sensors/s-2');
    const fromDevice = () => [...got[0]!, ...got[1]!].filter((message) => message.topic === 'citytwin/sensors/s-1').map((message) => message.payload);
    await waitFor('all 30 at the workers', () => fromDevice().length >= sent.length, 10_000);
    expect(fromDevice().sort()).toEqual([...sent].sort());
    expect(seen).toEqual([]);
  });

  it('keeps the simulator to publishing: it may write any sensor topic but read none', async () => {
    const simulator = await connect('citytwin-simulator');
    const seen = collect(simulator);
    await subscribeReasons(simulator, ['citytwin/sensors/#']);
    const device = await connect('s-1');
    expect(await publishReason(device, 'citytwin/sensors/s-1', '{"values":{"pm25":6}}')).toBe(0);
    expect(await publishReason(simulator, 'citytwin/sensors/s-9', '{"values":{"pm25":1}}')).toBe(0);
    expect(seen).toEqual([]);
  });
});
