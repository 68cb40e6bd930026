import { randomBytes } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll } from 'vitest';
import { openStore, type Store } from '@citytwin/store';
import { startMosquitto, waitFor, type MosquittoInstance } from '@citytwin/ingest/testing';
import { createTestDatabase } from '@citytwin/store/testing';
import { connectPublisher, publishNumbered, storedCount } from './numbered-messages';
import { startWorkerProcess, type WorkerProcess } from './worker-process';

/** Messages each stopped-worker test publishes. */
export const MID_STREAM_MESSAGES = 30_000;

/** An own Mosquitto, a fresh database and worker processes that are always reaped, for one test file. */
export interface MidStreamFixture {
  readonly store: Store;
  readonly prefix: string;
  /** The worker settings of this fixture plus `extra`. */
  env(extra?: Record<string, string>): Record<string, string>;
  /** Starts a worker process and waits for its subscription. */
  startWorker(env: Record<string, string>): Promise<WorkerProcess>;
  /**
   * Publishes {@link MID_STREAM_MESSAGES} numbered QoS 1 messages paced over
   * about 10 s — long enough that a stop lands mid-stream with batches open and
   * in flight even when a fast worker keeps up on a busy machine — and resolves
   * once a third of them is stored.
   */
  publishUntilAThirdIsStored(): Promise<{ publisher: MqttClient; publishing: Promise<void> }>;
}

/** Registers the fixture's `beforeAll`/`afterAll`; `label` starts the topic prefix. */
export function useMidStreamFixture(label: string): MidStreamFixture {
  let broker: MosquittoInstance;
  let database: { url: string; drop(): Promise<void> };
  let store: Store | undefined;
  const workers: WorkerProcess[] = [];
  const prefix = `${label}${randomBytes(4).toString('hex')}`;
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
  return {
    get store() {
      return store!;
    },
    prefix,
    env: (extra = {}) => ({ DATABASE_URL: database.url, MQTT_URL: broker.url, MQTT_TOPIC_PREFIX: prefix, INGEST_CLIENT_ID: `ingest-${prefix}`, ...extra }),
    async startWorker(env) {
      const worker = startWorkerProcess(env);
      workers.push(worker);
      await worker.subscribed;
      return worker;
    },
    async publishUntilAThirdIsStored() {
      const publisher = await connectPublisher(broker.url, `pub-${prefix}`);
      const publishing = publishNumbered(publisher, prefix, 0, MID_STREAM_MESSAGES, 500, 3000);
      await waitFor('a third stored', async () => (await storedCount(store!.db)) > MID_STREAM_MESSAGES / 3, 60_000);
      return { publisher, publishing };
    },
  };
}
