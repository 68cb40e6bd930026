import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY_PROFILES, REJECT_REASONS, cellAtLatLng } from '@citytwin/shared';
import { CHANGE_CHANNELS, countReadings, countDeadLettersByReason, findPhysicalCells, listDeadLetters, listenForChanges, type ReadingsChange, type Store } from '@citytwin/store';
import { openTestStore } from '@citytwin/store/testing';
import { startEmbeddedBroker, type EmbeddedBroker } from '../broker/embedded-broker';
import { reasonCases } from '../testing/reason-cases';
import { waitFor } from '../testing/wait-for';
import { startIngestWorker, type IngestWorker } from './ingest-worker';

const nowMs = Date.parse('2026-06-01T12:00:00Z');
const here = { lat: 39.93, lng: 116.41 };
const logger = pino({ level: 'silent' });

describe.each(['pglite', 'postgres'] as const)('ingest worker on %s', (backend) => {
  let store: Store;
  let broker: EmbeddedBroker;
  let worker: IngestWorker;
  let publisher: MqttClient;
  const prefix = `t${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    store = await openTestStore(backend);
    broker = await startEmbeddedBroker(0, '127.0.0.1');
    worker = await startIngestWorker({
      store, mqttUrl: broker.url, topicPrefix: prefix, city: CITY_PROFILES.beijing, resolution: 9,
      clientId: `ingest-${prefix}`, maxAgeMs: 20 * 365 * 86_400_000, logger, clock: () => nowMs, batch: { maxDelayMs: 50 },
    });
    await waitFor('ingest connected', () => worker.stats().connected);
    publisher = await mqtt.connectAsync(broker.url, { clientId: `pub-${prefix}` });
  });
  afterAll(async () => {
    await publisher?.endAsync();
    await worker?.close();
    await broker?.close();
    await store?.close();
  });

  it('stores native and SenML readings once and serves their rollups', async () => {
    const native = JSON.stringify({ ts: nowMs - 60_000, ...here, values: { pm25: 30, noise_db: 55 } });
    await publisher.publishAsync(`${prefix}/sensors/n-1`, native, { qos: 1 });
    await publisher.publishAsync(`${prefix}/sensors/n-1`, native, { qos: 1 });
    const pack = [{ bn: 'n-2/', bt: nowMs / 1000 - 120, n: 'lat', v: here.lat }, { n: 'lon', v: here.lng }, ...[10, 20, 30].map((v, i) => ({ n: 'pm25', t: i, v }))];
    await publisher.publishAsync(`${prefix}/sensors/n-2`, JSON.stringify(pack), { qos: 1 });
    await waitFor('5 readings stored', async () => (await countReadings(store.db)) === 5);
    await waitFor('duplicate seen', () => worker.stats().readingsDuplicate === 2);
    const cells = await findPhysicalCells(store.db, 'pm25', { res: 9, fromMs: nowMs - 3600_000, toMs: nowMs + 1 });
    expect(cells).toEqual([{ h3: cellAtLatLng(here, 9), value: 22.5, count: 4 }]);
    expect(worker.metricsText()).toContain('citytwin_ingest_readings_stored_total 5');
  });

  it('announces each committed batch on the readings channel, with the cells it wrote to, and a batch of duplicates not at all', async () => {
    const changes: ReadingsChange[] = [];
    const stop = await listenForChanges(store.db, CHANGE_CHANNELS.readings, (change) => changes.push(change));
    const payload = JSON.stringify({ ts: nowMs - 30_000, ...here, values: { noise_db: 61, pm10: 40 } });
    await publisher.publishAsync(`${prefix}/sensors/announce-1`, payload, { qos: 1 });
    await waitFor('the announcement', () => changes.length === 1);
    expect(changes[0]).toEqual({ metrics: ['noise_db', 'pm10'], fromMs: nowMs - 30_000, toMs: nowMs - 30_000, count: 2, cells: [cellAtLatLng(here, 9)] });
    const duplicates = worker.stats().readingsDuplicate;
    await publisher.publishAsync(`${prefix}/sensors/announce-1`, payload, { qos: 1 });
    await waitFor('the duplicate batch committed', () => worker.stats().readingsDuplicate === duplicates + 2);
    // Another batch after it: its announcement arrives after the duplicate one would have.
    await publisher.publishAsync(`${prefix}/sensors/announce-1`, JSON.stringify({ ts: nowMs - 20_000, ...here, values: { pm25: 9 } }), { qos: 1 });
    await waitFor('the next announcement', () => changes.length === 2);
    expect(changes[1]).toMatchObject({ metrics: ['pm25'], count: 1 });
    await stop();
  });

  it('dead-letters every refusal reason with its topic and keeps valid neighbours', async () => {
    const cases = reasonCases(nowMs, `${prefix}/sensors/fresh-1`);
    for (const sample of Object.values(cases)) await publisher.publishAsync(sample.topic ?? `${prefix}/sensors/fresh-1`, Buffer.from(sample.payload), { qos: 1 });
    const mixed = [{ n: 'pm25', v: 11 }, { n: 'radon', v: 1 }, { n: 'lat', v: here.lat }, { n: 'lon', v: here.lng }, { n: 'pm10', v: 12 }];
    await publisher.publishAsync(`${prefix}/sensors/mixed-1`, JSON.stringify(mixed), { qos: 1 });
    await waitFor('every reason dead-lettered', async () => Object.keys(await countDeadLettersByReason(store.db)).length === REJECT_REASONS.length);
    await waitFor('neighbours stored', async () => (await countReadings(store.db, 'mixed-1')) === 2);
    const counts = await countDeadLettersByReason(store.db);
    expect(Object.keys(counts).sort()).toEqual([...REJECT_REASONS].sort());
    expect(counts.unknown_metric).toBe(2);
    const [oversized] = await listDeadLetters(store.db, { limit: 1, reason: 'oversized' });
    expect(oversized?.topic).toBe(`${prefix}/sensors/fresh-1`);
    expect(oversized?.payloadBytes).toBe(cases.oversized.payload.byteLength);
    expect(oversized?.payloadText.length).toBe(4096);
    expect(worker.stats().deadLettersByReason).toEqual(counts);
    expect(await countReadings(store.db, 'fresh-1')).toBe(0);
  });
});
