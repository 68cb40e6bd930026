import { describe, expect, it } from 'vitest';
import { emptyStats, recordCommit } from '../pipeline/ingest-stats';
import { formatIngestMetrics } from './prometheus-text';

describe('formatIngestMetrics', () => {
  it('writes counters by reason and cumulative histograms in the text format', () => {
    const stats = emptyStats();
    stats.messagesIn = 12;
    stats.deadLettersByReason = { bad_json: 2, out_of_range: 1 };
    recordCommit(stats, 800, 790, 30);
    recordCommit(stats, 20_000, 20_000, 400);
    const text = formatIngestMetrics(stats, { lagSeconds: 0.25 });
    expect(text).toContain('# TYPE citytwin_ingest_messages_total counter\ncitytwin_ingest_messages_total 12');
    expect(text).toContain('citytwin_ingest_dead_letters_total{reason="bad_json"} 2');
    expect(text).toContain('citytwin_ingest_readings_duplicate_total 10');
    expect(text).toContain('citytwin_ingest_batch_size_bucket{le="1000"} 1');
    expect(text).toContain('citytwin_ingest_batch_size_bucket{le="20000"} 2');
    expect(text).toContain('citytwin_ingest_commit_seconds_bucket{le="0.05"} 1');
    expect(text).toContain('citytwin_ingest_commit_seconds_bucket{le="+Inf"} 2');
    expect(text).toContain('citytwin_ingest_commit_seconds_sum 0.43');
    expect(text).toContain('citytwin_ingest_lag_seconds 0.25');
    expect(text.endsWith('\n')).toBe(true);
  });
});
