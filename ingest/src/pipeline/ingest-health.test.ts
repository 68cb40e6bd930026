import { describe, expect, it } from 'vitest';
import { emptyStats } from './ingest-stats';
import { ingestHealth } from './ingest-health';

describe('ingestHealth', () => {
  it('is degraded while the store refuses writes or intake is paused', () => {
    const stats = emptyStats();
    expect(ingestHealth({ stats: () => stats }).degraded).toBe(false);
    expect(ingestHealth({ stats: () => ({ ...stats, backpressure: true }) }).degraded).toBe(true);
    const down = ingestHealth({ stats: () => ({ ...stats, storeError: 'connection refused' }) });
    expect(down).toMatchObject({ degraded: true, ingest: { storeError: 'connection refused', connected: false } });
  });
});
