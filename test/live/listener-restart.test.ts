import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_CHANNELS, listenForChanges, notifyChange, openStore, type ReadingsChange, type Store } from '@citytwin/store';
import { waitFor } from '@citytwin/ingest/testing';
import { startPostgresCluster, type PostgresCluster } from '../ingest/support/postgres-cluster';

describe('change listener across a Postgres restart', () => {
  let cluster: PostgresCluster;
  let store: Store;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    store = await openStore({ databaseUrl: cluster.url, maxConnections: 2 });
  });
  afterAll(async () => {
    await store?.close();
    await cluster?.dispose();
  });

  it('reports the loss, reconnects, listens again and says so, without crashing the process', async () => {
    const seen: ReadingsChange[] = [];
    const events: string[] = [];
    const stop = await listenForChanges(store.db, CHANGE_CHANNELS.readings, (change) => seen.push(change), {
      onLost: () => events.push('lost'),
      onResumed: () => events.push('resumed'),
    });
    const before: ReadingsChange = { metrics: ['pm25'], fromMs: 1, toMs: 1, count: 1 };
    await notifyChange(store.db, CHANGE_CHANNELS.readings, before);
    await waitFor('the change before the restart', () => seen.length === 1, 10_000);

    await cluster.stop('immediate');
    await waitFor('the loss noticed', () => events.includes('lost'), 10_000);
    await cluster.start();
    await waitFor('listening again', () => events.includes('resumed'), 30_000);

    const after: ReadingsChange = { metrics: ['noise_db'], fromMs: 2, toMs: 2, count: 1 };
    // The pool's connections died with the server; the first query may still meet a dead one.
    await waitFor('a notify through the pool', () => notifyChange(store.db, CHANGE_CHANNELS.readings, after).then(() => true, () => false), 10_000);
    await waitFor('the change after the restart', () => seen.length >= 2, 10_000);
    expect(seen[0]).toEqual(before);
    expect(seen.at(-1)).toEqual(after);
    expect(events).toEqual(['lost', 'resumed']);
    await stop();
  });
});
