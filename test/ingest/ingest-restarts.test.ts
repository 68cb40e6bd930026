import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY_PROFILES } from '@citytwin/shared';
import { openStore } from '@citytwin/store';
import { startIngestWorker, type IngestWorker } from '@citytwin/ingest';
import { startMosquitto, type MosquittoInstance } from '@citytwin/ingest/testing';
import { auditNumbered, connectPublisher, publishNumbered, storedCount, waitForStored } from './support/numbered-messages';
import { startPostgresCluster, type PostgresCluster } from './support/postgres-cluster';
import { waitFor } from '@citytwin/ingest/testing';

const N = 20_000;
const logger = pino({ level: 'silent' });

function workerOn(store: Awaited<ReturnType<typeof openStore>>, mqttUrl: string, prefix: string): Promise<IngestWorker> {
  return startIngestWorker({
    store, mqttUrl, topicPrefix: prefix, city: CITY_PROFILES.beijing, resolution: 9, clientId: `ingest-${prefix}`,
    maxAgeMs: 20 * 365 * 86_400_000, logger, batch: { maxPendingRows: 5000 },
  });
}

describe('ingest across restarts of its broker and its database', () => {
  let broker: MosquittoInstance;
  let cluster: PostgresCluster;

  beforeAll(async () => {
    broker = await startMosquitto();
    cluster = await startPostgresCluster();
  });
  afterAll(async () => {
    await broker?.dispose();
    await cluster?.dispose();
  });

  /** A worker on a clean store, a paced stream (about 4 s, so an outage lands mid-stream), a quarter of it stored. */
  async function streamUntilAQuarterStored(prefix: string) {
    const store = await openStore({ databaseUrl: cluster.url, maxConnections: 4 });
    await store.db.exec('TRUNCATE readings, cell_rollups, active_cell_days, sensors, dead_letters');
    const worker = await workerOn(store, broker.url, prefix);
    await waitFor('worker connected', () => worker.stats().connected, 10_000);
    const publisher = await connectPublisher(broker.url, `pub-${prefix}`);
    const publishing = publishNumbered(publisher, prefix, 0, N, 500, 5000);
    await waitFor('a quarter stored', async () => (await storedCount(store.db)) > N / 4, 60_000);
    return { store, worker, publisher, publishing };
  }

  it('loses and duplicates nothing when Mosquitto restarts mid-stream', async () => {
    const prefix = `brk${randomBytes(4).toString('hex')}`;
    const { store, worker, publisher, publishing } = await streamUntilAQuarterStored(prefix);
    await broker.stop();
    await waitFor('worker noticed', () => !worker.stats().connected, 10_000);
    await broker.start();
    await publishing;
    await waitForStored(store.db, N);
    await worker.close();
    await publisher.endAsync();
    expect(await auditNumbered(store.db, N)).toEqual({ stored: N, missing: 0, unexpected: 0, rolled5m: N, rolled1h: N, rolled1d: N });
    await store.close();
  });

  it('holds back, reports the outage, and stores everything once the database returns', async () => {
    const prefix = `db${randomBytes(4).toString('hex')}`;
    const { store, worker, publisher, publishing } = await streamUntilAQuarterStored(prefix);
    await cluster.stop('immediate');
    await waitFor('outage reported', () => worker.stats().storeError !== null, 20_000);
    await waitFor('intake paused', () => worker.stats().backpressure, 30_000);
    expect(worker.metricsText()).toContain('citytwin_ingest_store_up 0');
    await cluster.start();
    await publishing;
    await waitForStored(store.db, N);
    await waitFor('outage cleared', () => worker.stats().storeError === null && !worker.stats().backpressure, 20_000);
    await worker.close();
    await publisher.endAsync();
    expect(await auditNumbered(store.db, N)).toEqual({ stored: N, missing: 0, unexpected: 0, rolled5m: N, rolled1h: N, rolled1d: N });
    await store.close();
  });
});
