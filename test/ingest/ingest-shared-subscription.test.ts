import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY_PROFILES } from '@citytwin/shared';
import { openTestStore } from '@citytwin/store/testing';
import type { Store } from '@citytwin/store';
import { startIngestWorker, type IngestWorker } from '@citytwin/ingest';
import { startMosquitto, type MosquittoInstance } from '@citytwin/ingest/testing';
import { auditNumbered, connectPublisher, publishNumbered, waitForStored } from './support/numbered-messages';
import { waitFor } from '@citytwin/ingest/testing';

const N = 100_000;

describe('two ingest workers sharing one subscription ($share, MQTT v5, Mosquitto)', () => {
  let broker: MosquittoInstance;
  let store: Store;

  beforeAll(async () => {
    broker = await startMosquitto();
    store = await openTestStore('postgres');
  });
  afterAll(async () => {
    await store?.close();
    await broker?.dispose();
  });

  it('stores each of 100,000 messages exactly once and splits the load', async () => {
    const prefix = `shr${randomBytes(4).toString('hex')}`;
    const start = (name: string): Promise<IngestWorker> =>
      startIngestWorker({
        store, mqttUrl: broker.url, topicPrefix: prefix, city: CITY_PROFILES.beijing, resolution: 9, clientId: `${name}-${prefix}`,
        maxAgeMs: 20 * 365 * 86_400_000, logger: pino({ level: 'silent' }), protocolVersion: 5, sharedGroup: 'citytwin-ingest',
      });
    const workers = [await start('w1'), await start('w2')];
    await waitFor('both connected', () => workers.every((worker) => worker.stats().connected), 10_000);
    const publisher = await connectPublisher(broker.url, `pub-${prefix}`);
    await publishNumbered(publisher, prefix, 0, N);
    await waitForStored(store.db, N);
    await Promise.all(workers.map((worker) => worker.close()));
    await publisher.endAsync();
    const received = workers.map((worker) => worker.stats().messagesIn);
    expect(received[0]! + received[1]!).toBe(N);
    expect(Math.min(...received)).toBeGreaterThan(N / 10);
    expect(await auditNumbered(store.db, N)).toEqual({ stored: N, missing: 0, unexpected: 0, rolled5m: N, rolled1h: N, rolled1d: N });
  });
});
