import { describe, expect, it } from 'vitest';
import { auditNumbered, storedCount, waitForStored } from './support/numbered-messages';
import { MID_STREAM_MESSAGES as N, useMidStreamFixture } from './support/mid-stream-fixture';

describe('ingest worker stopped with SIGTERM mid-stream (QoS 1, Mosquitto)', () => {
  const fixture = useMidStreamFixture('term');

  it('commits and acknowledges what it holds, exits 0, and after a restart every acknowledged reading is stored once', async () => {
    const env = fixture.env({ INGEST_BATCH_ROWS: '1000', INGEST_BATCH_MS: '500' });
    const first = await fixture.startWorker(env);
    const { publisher, publishing } = await fixture.publishUntilAThirdIsStored();
    const exitCode = await first.terminate();
    const storedAtStop = await storedCount(fixture.store.db);
    const stopped = first.logged('ingest stopped') as { messagesIn: number; readingsStored: number; acknowledged: number; uncommitted: number; flushed: boolean };
    await publishing;

    expect(exitCode).toBe(0);
    // Flushed: nothing it had taken in was left uncommitted, and every message it took in was acknowledged after its commit.
    expect(stopped).toMatchObject({ flushed: true, uncommitted: 0 });
    expect(stopped.acknowledged).toBe(stopped.messagesIn);
    expect(stopped.readingsStored).toBe(stopped.messagesIn);
    expect(storedAtStop).toBe(stopped.readingsStored);
    expect(storedAtStop).toBeLessThan(N);

    const second = await fixture.startWorker(env);
    await waitForStored(fixture.store.db, N);
    expect(await second.terminate()).toBe(0);
    await publisher.endAsync();
    // Every message the broker acknowledged to the publisher is stored exactly once, in every rollup tier.
    expect(await auditNumbered(fixture.store.db, N)).toEqual({ stored: N, missing: 0, unexpected: 0, rolled5m: N, rolled1h: N, rolled1d: N });
    // A graceful stop leaves nothing committed-but-unacknowledged, so the restart finds no duplicates to skip.
    expect(second.logged('ingest stopped')).toMatchObject({ readingsDuplicate: 0, readingsStored: N - storedAtStop });
  });
});
