import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY_PROFILES } from '@citytwin/shared';
import { countReadings, upsertSensors, type Store } from '@citytwin/store';
import { openTestStore } from '@citytwin/store/testing';
import { startEmbeddedBroker, type EmbeddedBroker } from '../broker/embedded-broker';
import { waitFor } from '../testing/wait-for';
import { startIngestWorker } from './ingest-worker';
import { handleTelemetryMessage, MAX_PAYLOAD_BYTES } from './message-handler';

const nowMs = Date.parse('2026-06-01T12:00:00Z');
const here = { lat: 39.93, lng: 116.41 };
const SENSORS = 50;
const MESSAGES = 10_000;

/** mulberry32: a reproducible fuzz corpus. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK: unknown[] = ['35', null, true, [], {}, 1e308, -1, 1e9, 'NaN', '', 0, 20, 2000.5, { v: 1 }];
const METRICS = ['pm25', 'pm10', 'no2', 'o3', 'noise_db', 'temperature_c', 'radon', 'PM25', ''];

function fuzzCorpus(seed: number, prefix: string): Array<{ topic: string; payload: Buffer }> {
  const rand = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const value = () => (rand() < 0.7 ? Math.round(rand() * 1500) / 10 : pick(JUNK));
  const ts = () => (rand() < 0.85 ? nowMs - Math.floor(rand() * 30 * 86_400_000) : pick<unknown>([nowMs + 3600_000, 'yesterday', 1e20, -5, null, '2026-06-01T11:00:00+08:00', 0]));
  const native = () => {
    const values: Record<string, unknown> = {};
    for (let i = 0, n = 1 + Math.floor(rand() * 4); i < n; i += 1) values[pick(METRICS)] = value();
    const body: Record<string, unknown> = { ts: ts(), values };
    if (rand() < 0.3) Object.assign(body, rand() < 0.8 ? { lat: here.lat + rand() / 10, lng: here.lng } : { lat: pick(JUNK), lng: 200 });
    return JSON.stringify(rand() < 0.05 ? [body] : body);
  };
  const senml = () => {
    const records: Array<Record<string, unknown>> = [{ bn: pick(['', 's/', 'urn:dev:x:', 'bad name/']), bt: rand() < 0.9 ? nowMs / 1000 - rand() * 86_400 : pick(JUNK) }];
    for (let i = 0, n = 1 + Math.floor(rand() * 120); i < n; i += 1) {
      const record: Record<string, unknown> = { n: pick(METRICS), t: rand() < 0.95 ? -i : pick(JUNK), v: value() };
      if (rand() < 0.03) record[pick(['x_', 'vb', 'vs', 's'])] = pick(JUNK);
      records.push(record);
    }
    return JSON.stringify(records);
  };
  const mutate = (bytes: Buffer): Buffer => {
    const roll = rand();
    if (roll < 0.1) return bytes.subarray(0, Math.floor(rand() * bytes.length));
    if (roll < 0.2) {
      const copy = Buffer.from(bytes);
      for (let i = 0; i < 3; i += 1) copy[Math.floor(rand() * copy.length)] = Math.floor(rand() * 256);
      return copy;
    }
    if (roll < 0.22) return randomBytesFrom(rand, 1 + Math.floor(rand() * 200));
    if (roll < 0.225) return Buffer.alloc(MAX_PAYLOAD_BYTES + 10, 0x20);
    return bytes;
  };
  const corpus: Array<{ topic: string; payload: Buffer }> = [];
  for (let i = 0; i < MESSAGES; i += 1) {
    const sensor = rand() < 0.01 ? 'bad id' : `fz-${Math.floor(rand() * SENSORS)}`;
    const payload = i > 0 && rand() < 0.05 ? corpus[Math.floor(rand() * i)]!.payload : mutate(Buffer.from(rand() < 0.7 ? native() : senml()));
    corpus.push({ topic: `${prefix}/sensors/${sensor}`, payload });
  }
  return corpus;
}

function randomBytesFrom(rand: () => number, length: number): Buffer {
  return Buffer.from(Array.from({ length }, () => Math.floor(rand() * 256)));
}

describe('ingest under 10,000 random and mutated payloads', () => {
  let store: Store;
  let broker: EmbeddedBroker;
  const prefix = `fz${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    store = await openTestStore('postgres');
    broker = await startEmbeddedBroker(0, '127.0.0.1');
  });
  afterAll(async () => {
    await broker?.close();
    await store?.close();
  });

  it('stays alive and stores or dead-letters every one, with counts that add up', async () => {
    const sensors = Array.from({ length: SENSORS }, (_, i) => ({ id: `fz-${i}`, kind: 'air', lat: here.lat, lng: here.lng, metrics: [] }));
    await upsertSensors(store.db, sensors, 9);
    const corpus = fuzzCorpus(20260601, prefix);
    const settings = { topicPrefix: prefix, cityBounds: CITY_PROFILES.beijing.bounds, resolution: 9, maxAgeMs: 20 * 365 * 86_400_000 };
    const expectedKeys = new Set<string>();
    let expectedRejects = 0;
    for (const { topic, payload } of corpus) {
      const handled = handleTelemetryMessage(topic, payload, settings, () => here, nowMs);
      for (const r of handled.readings) expectedKeys.add(`${r.sensorId}|${r.metric}|${r.tsMs}`);
      expectedRejects += handled.rejects.length;
    }
    const worker = await startIngestWorker({
      store, mqttUrl: broker.url, topicPrefix: prefix, city: CITY_PROFILES.beijing, resolution: 9, clientId: `ingest-${prefix}`,
      maxAgeMs: settings.maxAgeMs, logger: pino({ level: 'silent' }), clock: () => nowMs,
    });
    await waitFor('ingest connected', () => worker.stats().connected);
    const publisher = await mqtt.connectAsync(broker.url, { clientId: `pub-${prefix}` });
    await Promise.all(corpus.map(({ topic, payload }) => publisher.publishAsync(topic, payload, { qos: 1 })));
    await waitFor('all messages in', () => worker.stats().messagesIn === MESSAGES, 60_000);
    // Close gives up flushing after a while (the broker would redeliver); on a busy machine, let the commits finish first.
    await waitFor('every message committed', () => worker.stats().pending === 0, 120_000);
    await worker.close();
    await publisher.endAsync();

    const [letters] = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM dead_letters');
    expect(expectedKeys.size).toBeGreaterThan(10_000);
    expect(expectedRejects).toBeGreaterThan(1000);
    expect(await countReadings(store.db)).toBe(expectedKeys.size);
    expect(letters?.n).toBe(expectedRejects);
    const stats = worker.stats();
    expect(stats.messagesIn).toBe(MESSAGES);
    expect(stats.deadLetters).toBe(expectedRejects);
    expect(stats.readingsStored).toBe(expectedKeys.size);
  }, 240_000);
});
