import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@citytwin/store';
import { startMosquitto, type MosquittoInstance } from '@citytwin/ingest/testing';
import { auditNumbered, connectPublisher, publishNumbered, storedCount, waitForStored } from './support/numbered-messages';
import { createTestDatabase } from '@citytwin/store/testing';
import { waitFor } from '@citytwin/ingest/testing';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process';

const N = 30_000;

describe('ingest worker killed with SIGKILL mid-stream (QoS 1, Mosquitto)', () => {
  let broker: MosquittoInstance;
  let database: { url: string; drop(): Promise<void> };
  let store: Store;
  const workers: WorkerProcess[] = [];
  const prefix = `kill${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    broker = await startMosquitto();
    database = await createTestDatabase();
    store = await openStore({ databaseUrl: database.url, maxConnections: 2 });
  });
  afterAll(async () => {
    // A failed assertion must not leave a worker process behind.
    for (const worker of workers) await worker.killHard();
    await store?.close();
    await database?.drop();
    await broker?.dispose();
  });

  it('stores exactly the set published after a restart: no loss, no duplicates', async () => {
    const env = { DATABASE_URL: database.url, MQTT_URL: broker.url, MQTT_TOPIC_PREFIX: prefix, INGEST_CLIENT_ID: `ingest-${prefix}`, INGEST_BATCH_ROWS: '1000' };
    const first = startWorkerProcess(env);
    workers.push(first);
    await first.subscribed;
    const publisher = await connectPublisher(broker.url, `pub-${prefix}`);
    // Paced (about 4 s) so the kill lands mid-stream, with several small batches in flight.
    const publishing = publishNumbered(publisher, prefix, 0, N, 500, 7500);
    await waitFor('a third stored', async () => (await storedCount(store.db)) > N / 3, 60_000);
    await first.killHard();
    const storedAtKill = await storedCount(store.db);
    await publishing;
    const second = startWorkerProcess(env);
    workers.push(second);
    await second.subscribed;
    await waitForStored(store.db, N);
    await second.stop();
    await publisher.endAsync();
    expect(storedAtKill).toBeLessThan(N);
    expect(await auditNumbered(store.db, N)).toEqual({ stored: N, missing: 0, unexpected: 0, rolled5m: N, rolled1h: N, rolled1d: N });
  });
});
