import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { buildApp, loadConfig } from '@citytwin/api';
import { cellAtLatLng } from '@citytwin/shared';
import { insertReadingsBatch, openReadReplica, openStore, type ReadReplicaDb, type Store } from '@citytwin/store';
import { createTestDatabase } from '@citytwin/store/testing';
import { waitFor } from '@citytwin/ingest/testing';
import { ensureReplica, onReplica, onReplicaRun, stopReplica } from './replica-server';

const T0_MS = Date.parse('2026-06-01T08:00:00Z');
const CELL = cellAtLatLng({ lat: 39.93, lng: 116.41 }, 9);
const CELLS_URL = `/api/cells?layer=physical&metric=pm25&res=9&from=2026-06-01T00:00:00Z&to=2026-06-02T00:00:00Z`;

describe('read-only routes on a streaming replica (DATABASE_READ_URL)', () => {
  let database: { url: string; drop(): Promise<void> };
  let store: Store;
  let written = 0;

  /** Writes one more pm25 reading to the primary; the cell's count then says which server answered. */
  const writeReading = async () => {
    written += 1;
    await insertReadingsBatch(store.db, [{ sensorId: 'replica-probe', metric: 'pm25', tsMs: T0_MS + written * 60_000, value: 10, cell: CELL }]);
  };
  const appOn = async (replica: ReadReplicaDb) => {
    const config = loadConfig({ SIMULATE: 'off', WEB_DIST_DIR: '/nonexistent' });
    const app = await buildApp({ store, config, logger: pino({ level: 'silent' }), broker: 'external', clock: () => T0_MS, readDb: replica, replicaStatus: () => replica.status() });
    const countInCell = async () => {
      const response = await app.inject({ method: 'GET', url: CELLS_URL });
      expect(response.statusCode).toBe(200);
      return (response.json().cells as Array<{ h3: string; count: number }>).find((cell) => cell.h3 === CELL)?.count ?? 0;
    };
    return { app, countInCell };
  };

  beforeAll(async () => {
    await ensureReplica();
    database = await createTestDatabase();
    store = await openStore({ databaseUrl: database.url, maxConnections: 4 });
    await writeReading();
    // The new database and its schema reach the replica through WAL like everything else.
    await waitFor('the schema on the replica', () => onReplicaRun(database.url, 'SELECT count(*) FROM readings').then(() => true, () => false), 60_000);
  }, 600_000);
  afterAll(async () => {
    await onReplicaRun(database.url, 'SELECT pg_wal_replay_resume()').catch(() => undefined);
    await ensureReplica();
    await store?.close();
    await database?.drop();
  }, 600_000);

  it('answers from the replica: with replay paused, a reading written to the primary is not seen until replay resumes', async () => {
    const replica = openReadReplica({ primary: store.db, replicaUrl: onReplica(database.url), maxLagSeconds: 3600, checkIntervalMs: 200 });
    const { app, countInCell } = await appOn(replica);
    try {
      await waitFor('replica caught up', async () => (await countInCell()) === written, 30_000);
      await onReplicaRun(database.url, 'SELECT pg_wal_replay_pause()');
      await writeReading();
      const status = await replica.check();
      expect(status).toMatchObject({ serving: 'replica', reachable: true, reason: null });
      expect(status.lagBytes).toBeGreaterThan(0);
      expect(await countInCell()).toBe(written - 1);
      const health = (await app.inject({ method: 'GET', url: '/api/health' })).json();
      expect(health).toMatchObject({ status: 'ok', readReplica: { serving: 'replica', reachable: true } });
      await onReplicaRun(database.url, 'SELECT pg_wal_replay_resume()');
      await waitFor('the reading replayed', async () => (await countInCell()) === written, 30_000);
    } finally {
      await app.close();
      await replica.close();
    }
  });

  it('falls back to the primary while the replica is further behind than READ_REPLICA_MAX_LAG_S, and returns once it catches up', async () => {
    const replica = openReadReplica({ primary: store.db, replicaUrl: onReplica(database.url), maxLagSeconds: 1, checkIntervalMs: 200 });
    const { app, countInCell } = await appOn(replica);
    try {
      await onReplicaRun(database.url, 'SELECT pg_wal_replay_pause()');
      await writeReading();
      await waitFor('reads moved to the primary', async () => (await replica.check()).serving === 'primary', 30_000);
      expect(replica.status()).toMatchObject({ reachable: true, reason: 'lagging' });
      expect(replica.status().lagSeconds).toBeGreaterThan(1);
      expect(await countInCell()).toBe(written);
      const health = (await app.inject({ method: 'GET', url: '/api/health' })).json();
      expect(health).toMatchObject({ status: 'degraded', readReplica: { serving: 'primary', reason: 'lagging' } });
      // Not a readiness failure: the primary carries the reads meanwhile.
      const ready = await app.inject({ method: 'GET', url: '/api/health/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json().checks.readReplica).toMatchObject({ serving: 'primary', reason: 'lagging' });
      await onReplicaRun(database.url, 'SELECT pg_wal_replay_resume()');
      await waitFor('reads back on the replica', async () => (await replica.check()).serving === 'replica', 30_000);
      expect(await countInCell()).toBe(written);
    } finally {
      await app.close();
      await replica.close();
    }
  });

  it('answers from the primary when the replica is down (the very read that finds it down), says so in health, and returns when it is back', async () => {
    const replica = openReadReplica({ primary: store.db, replicaUrl: onReplica(database.url), maxLagSeconds: 3600, checkIntervalMs: 60_000 });
    const { app, countInCell } = await appOn(replica);
    try {
      await waitFor('serving from the replica', async () => (await replica.check()).serving === 'replica', 30_000);
      await stopReplica();
      await writeReading();
      // The timer has not checked since; the failed replica query itself falls back.
      expect(replica.status().serving).toBe('replica');
      expect(await countInCell()).toBe(written);
      expect(replica.status()).toMatchObject({ serving: 'primary', reachable: false, reason: 'unreachable' });
      const health = (await app.inject({ method: 'GET', url: '/api/health' })).json();
      expect(health).toMatchObject({ status: 'degraded', storeReachable: true, readReplica: { reachable: false, reason: 'unreachable' } });
      expect((await app.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200);
      await ensureReplica();
      await waitFor('reads back on the replica', async () => (await replica.check()).serving === 'replica', 60_000);
      await waitFor('the replica caught up', async () => (await countInCell()) === written, 30_000);
    } finally {
      await app.close();
      await replica.close();
    }
  }, 600_000);
});
