import { describe, expect, it } from 'vitest';
import { auditNumbered, storedCount, waitForStored } from './support/numbered-messages';
import { MID_STREAM_MESSAGES as N, useMidStreamFixture } from './support/mid-stream-fixture';

describe('ingest worker killed with SIGKILL mid-stream (QoS 1, Mosquitto)', () => {
  const fixture = useMidStreamFixture('kill');

  it('stores exactly the set published after a restart: no loss, no duplicates', async () => {
    // Small batches, so several are in flight when the kill lands.
    const env = fixture.env({ INGEST_BATCH_ROWS: '1000' });
    const first = await fixture.startWorker(env);
    const { publisher, publishing } = await fixture.publishUntilAThirdIsStored();
    await first.killHard();
    const storedAtKill = await storedCount(fixture.store.db);
    await publishing;
    const second = await fixture.startWorker(env);
    await waitForStored(fixture.store.db, N);
    await second.stop();
    await publisher.endAsync();
    expect(storedAtKill).toBeLessThan(N);
    expect(await auditNumbered(fixture.store.db, N)).toEqual({ stored: N, missing: 0, unexpected: 0, rolled5m: N, rolled1h: N, rolled1d: N });
  });
});
