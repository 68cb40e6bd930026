import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@citytwin/store';
import { startMosquitto, waitFor, type MosquittoInstance } from '@citytwin/ingest/testing';
import { createTestDatabase } from '@citytwin/store/testing';
import { auditNumbered, connectPublisher, publishNumbered, storedCount, waitForStored } from './support/numbered-messages';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process';

const N = 30_000;

describe('ingest worker stopped with SIGTERM mid-stream (QoS 1, Mosquitto)', () => {
  let broker: MosquittoInstance;
  let database: { url: string; drop(): Promise<void> };
  let store: Store;
  const workers: WorkerProcess[] = [];
  const prefix = `term${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    broker = await startMosquitto();
    database = await createTestDatabase();
    store = await openStore({ databaseUrl: database.url, maxConnections: 2 });
  });
  afterAll(async () => {
    for (const worker of workers) await worker.killHard();
    await store?.close();
    await database?.drop();
    await broker?.dispose();
  });

  it('commits and acknowledges what it holds, exits 0, and after a restart every acknowledged reading is stored once', async () => {
    const env = { DATABASE_URL: database.url, MQTT_URL: broker.url, MQTT_TOPIC_PREFIX: prefix, INGEST_CLIENT_ID: `ingest-${prefix}`, INGEST_BATCH_ROWS: '1000', INGEST_BATCH_MS: '500' };
    const first = startWorkerProcess(env);
    workers.push(first);
    await first.subscribed;
    const publisher = await connectPublisher(broker.url, `pub-${prefix}`);
    // Paced (about 4 s), so the signal lands mid-stream with batches open and in flight.
    const publishing = publishNumbered(publisher, prefix, 0, N, 500, 7500);
    await waitFor('a third stored', async () => (await storedCount(store.db)) > N / 3, 60_000);
    const exitCode = await first.terminate();
    const storedAtStop = await storedCount(store.db);
    const stopped = first.logged('ingest stopped') as { messagesIn: number; readingsStored: number; acknowledged: number; uncommitted: number; flushed: boolean };
    await publishing;

    expect(exitCode).toBe(0);
    // Flushed: nothing it had taken in was left uncommitted, and every message it took in was acknowledged after its commit.
    expect(stopped).toMatchObject({ flushed: true, uncommitted: 0 });
    expect(stopped.acknowledged).toBe(stopped.messagesIn);
    expect(stopped.readingsStored).toBe(stopped.messagesIn);
    expect(storedAtStop).toBe(stopped.readingsStored);
    expect(storedAtStop).toBeLessThan(N);

    const second = startWorkerProcess(env);
    workers.push(second);
    await second.subscribed;
    await waitForStored(store.db, N);
    expect(await second.terminate()).toBe(0);
    await publisher.endAsync();
    // Every message the broker acknowledged to the publisher is stored exactly once, in every rollup tier.
    expect(await auditNumbered(store.db, N)).toEqual({ stored: N, missing: 0, unexpected: 0, rolled5m: N, rolled1h: N, rolled1d: N });
    // A graceful stop leaves nothing committed-but-unacknowledged, so the restart finds no duplicates to skip.
    expect(second.logged('ingest stopped')).toMatchObject({ readingsDuplicate: 0, readingsStored: N - storedAtStop });
  });
});
