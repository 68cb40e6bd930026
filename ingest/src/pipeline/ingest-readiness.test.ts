import mqtt, { type MqttClient } from 'mqtt';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY_PROFILES } from '@citytwin/shared';
import { countReadings, openStore, type Store } from '@citytwin/store';
import { createTestDatabase, TEST_SERVER_URL } from '@citytwin/store/testing';
import { startEmbeddedBroker, type EmbeddedBroker } from '../broker/embedded-broker';
import { startMetricsServer } from '../metrics/metrics-server';
import { waitFor } from '../testing/wait-for';
import { startIngestWorker, type IngestWorker } from './ingest-worker';

const nowMs = Date.parse('2026-06-01T12:00:00Z');
const prefix = 'readiness';

interface ReadyAnswer {
  status: number;
  body: { status: string; reasons: string[]; checks: { broker: { ok: boolean }; store: { ok: boolean }; commits: { ok: boolean; pending: number; lastCommitAgeS: number | null } } };
}

describe('an ingest worker\'s GET /health/ready on Postgres', () => {
  let database: { url: string; drop(): Promise<void> };
  let store: Store;
  let broker: EmbeddedBroker;
  let worker: IngestWorker;
  let probes: { port: number; close(): Promise<void> };
  let publisher: MqttClient;
  let sent = 0;
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
  const databaseName = () => new URL(database.url).pathname.slice(1);

  const ready = async (): Promise<ReadyAnswer> => {
    const response = await fetch(`http://127.0.0.1:${probes.port}/health/ready`);
    return { status: response.status, body: (await response.json()) as ReadyAnswer['body'] };
  };
  const waitForReasons = async (what: string, reasons: string[]) => {
    let last: ReadyAnswer | undefined;
    await waitFor(what, async () => {
      last = await ready();
      return JSON.stringify(last.body.reasons) === JSON.stringify(reasons);
    }, 30_000).catch((error: unknown) => {
      throw new Error(`${String(error)}; last answer ${JSON.stringify(last)}`);
    });
    return last!;
  };
  const publishReading = async () => {
    sent += 1;
    await publisher.publishAsync(`${prefix}/sensors/r-1`, JSON.stringify({ ts: nowMs - sent * 60_000, lat: 39.93, lng: 116.41, values: { pm25: sent } }), { qos: 1 });
  };

  beforeAll(async () => {
    await admin.connect();
    database = await createTestDatabase();
    store = await openStore({ databaseUrl: database.url, maxConnections: 4 });
    broker = await startEmbeddedBroker(0, '127.0.0.1');
    worker = await startIngestWorker({
      store, mqttUrl: broker.url, topicPrefix: prefix, city: CITY_PROFILES.beijing, resolution: 9, clientId: 'ingest-readiness',
      maxAgeMs: 20 * 365 * 86_400_000, logger: pino({ level: 'silent' }), clock: () => nowMs, batch: { maxDelayMs: 20 }, maxStallS: 1,
    });
    probes = await startMetricsServer(0, { metricsText: () => worker.metricsText(), readiness: () => worker.readiness() }, '127.0.0.1');
    await waitFor('ingest connected', () => worker.stats().connected);
    publisher = await mqtt.connectAsync(broker.url, { clientId: 'readiness-publisher' });
  });
  afterAll(async () => {
    await admin.query(`ALTER DATABASE ${databaseName()} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await publisher?.endAsync(true);
    await worker?.close();
    await probes?.close();
    await broker?.close();
    await store?.close();
    await database?.drop();
    await admin.end();
  });

  it('is 200 once connected and committing; live is 200', async () => {
    await publishReading();
    await waitFor('the reading stored', async () => (await countReadings(store.db)) === 1);
    const answer = await waitForReasons('ready', []);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'ready', checks: { broker: { ok: true }, store: { ok: true }, commits: { ok: true, pending: 0 } } });
    expect(answer.body.checks.commits.lastCommitAgeS).not.toBeNull();
    expect((await fetch(`http://127.0.0.1:${probes.port}/health/live`)).status).toBe(200);
  });

  it('is 503 commits_stalled while a lock holds its commit, and ready again once the commit goes through', async () => {
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE readings IN ACCESS EXCLUSIVE MODE');
      await publishReading();
      const stalled = await waitForReasons('commits_stalled', ['commits_stalled']);
      expect(stalled.status).toBe(503);
      expect(stalled.body.checks.commits).toMatchObject({ ok: false, pending: 1 });
      expect(stalled.body.checks.store.ok).toBe(true);
      await locker.query('ROLLBACK');
    } finally {
      await locker.end();
    }
    await waitForReasons('ready again', []);
    expect(await countReadings(store.db)).toBe(2);
  });

  it('is 503 store_unreachable while the database refuses connections', async () => {
    await admin.query(`ALTER DATABASE ${databaseName()} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [databaseName()]);
    const down = await waitForReasons('store_unreachable', ['store_unreachable']);
    expect(down.status).toBe(503);
    expect(down.body.checks.store.ok).toBe(false);
    await admin.query(`ALTER DATABASE ${databaseName()} ALLOW_CONNECTIONS true`);
    await waitForReasons('ready again', []);
  });

  it('is 503 broker_disconnected once the broker is gone, and shutting_down while it stops', async () => {
    await broker.close();
    const answer = await waitForReasons('broker_disconnected', ['broker_disconnected']);
    expect(answer.status).toBe(503);
    await worker.close();
    expect((await ready()).body.reasons).toEqual(['shutting_down', 'broker_disconnected']);
  });
});
