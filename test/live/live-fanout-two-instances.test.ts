import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, loadConfig } from '@citytwin/api';
import { openLiveClient, type LiveTestClient } from '@citytwin/api/testing';
import { startIngestWorker, type IngestWorker } from '@citytwin/ingest';
import { startMosquitto, type MosquittoInstance } from '@citytwin/ingest/testing';
import { CITY_PROFILES, cellAtLatLng } from '@citytwin/shared';
import { openStore, type Store } from '@citytwin/store';
import { createTestDatabase } from '@citytwin/store/testing';

const SITE = { lat: 39.9139, lng: 116.4005 };

describe('live fan-out: two API instances on one Postgres, one ingest worker', () => {
  let database: { url: string; drop(): Promise<void> };
  let broker: MosquittoInstance;
  let ingestStore: Store;
  let ingest: IngestWorker;
  const stores: Store[] = [];
  const closers: Array<() => Promise<unknown>> = [];
  const urls: string[] = [];
  const prefix = `live${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    broker = await startMosquitto();
    ingestStore = await openStore({ databaseUrl: database.url, maxConnections: 2 });
    ingest = await startIngestWorker({
      store: ingestStore, mqttUrl: broker.url, topicPrefix: prefix, city: CITY_PROFILES.beijing, resolution: 9, clientId: `ingest-${prefix}`,
      maxAgeMs: 86_400_000, logger: pino({ level: 'silent' }), protocolVersion: 5,
    });
    for (let i = 0; i < 2; i += 1) {
      const store = await openStore({ databaseUrl: database.url, maxConnections: 2 });
      stores.push(store);
      const config = loadConfig({ SIMULATE: 'off', WEB_DIST_DIR: '/nonexistent', DATABASE_URL: database.url });
      const app = await buildApp({ store, config, logger: pino({ level: 'silent' }), broker: 'external', clock: Date.now });
      urls.push(await app.listen({ port: 0, host: '127.0.0.1' }));
      closers.push(() => app.close());
    }
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await ingest?.close();
    for (const store of [...stores, ingestStore]) await store?.close();
    await broker?.dispose();
    await database?.drop();
  });

  it('gives a subscriber on each instance the same delta for readings one ingest stored', async () => {
    const clients: LiveTestClient[] = [];
    for (const url of urls) {
      const client = await openLiveClient(url);
      client.send({ type: 'subscribe', layers: ['physical'], metric: 'pm25', res: 9 });
      expect((await client.next('snapshot')).cells).toEqual([]);
      clients.push(client);
    }
    const publisher = await mqtt.connectAsync(broker.url, { clientId: `pub-${prefix}` });
    const ts = Date.now();
    await publisher.publishAsync(`${prefix}/sensors/a`, JSON.stringify({ ts, ...SITE, values: { pm25: 30 } }), { qos: 1 });
    await publisher.publishAsync(`${prefix}/sensors/b`, JSON.stringify({ ts, ...SITE, values: { pm25: 50 } }), { qos: 1 });
    await publisher.endAsync();
    const cell = cellAtLatLng(SITE, 9);
    const deltas = await Promise.all(clients.map((client) => client.next('delta', (delta) => delta.cells.some((c) => c.h3 === cell && c.count === 2), { timeoutMs: 30_000 })));
    expect(deltas[0]!.cells).toEqual([{ h3: cell, value: 40, count: 2 }]);
    expect(deltas[1]!.cells).toEqual(deltas[0]!.cells);
    expect(deltas[1]!.latestChangeAt).toBe(deltas[0]!.latestChangeAt);
    for (const client of clients) await client.close();
  });
});
