import type { Histogram, IngestStats } from '../pipeline/ingest-stats';

function line(name: string, value: number, labels: Record<string, string> = {}): string {
  const entries = Object.entries(labels);
  const labelText = entries.length === 0 ? '' : `{${entries.map(([key, text]) => `${key}="${text.replace(/["\\\n]/g, '_')}"`).join(',')}}`;
  return `${name}${labelText} ${Number.isFinite(value) ? value : 0}`;
}

function family(name: string, type: 'counter' | 'gauge' | 'histogram', help: string, lines: string[]): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...lines];
}

function histogramLines(name: string, histogram: Histogram): string[] {
  const lines = histogram.bounds.map((bound, i) => line(`${name}_bucket`, histogram.counts[i] ?? 0, { le: String(bound) }));
  lines.push(line(`${name}_bucket`, histogram.counts[histogram.bounds.length] ?? 0, { le: '+Inf' }));
  lines.push(line(`${name}_sum`, histogram.sum), line(`${name}_count`, histogram.count));
  return lines;
}

/**
 * The ingest worker's counters in the Prometheus text exposition format 0.0.4
 * (prometheus.io/docs/instrumenting/exposition_formats).
 * @example formatIngestMetrics(stats, { lagSeconds: 0.2 }) // '# HELP citytwin_ingest_messages_total ...'
 */
export function formatIngestMetrics(stats: IngestStats, gauges: { lagSeconds: number }): string {
  const reasons = Object.entries(stats.deadLettersByReason).map(([reason, count]) => line('citytwin_ingest_dead_letters_total', count ?? 0, { reason }));
  return [
    ...family('citytwin_ingest_messages_total', 'counter', 'MQTT messages received.', [line('citytwin_ingest_messages_total', stats.messagesIn)]),
    ...family('citytwin_ingest_senml_packs_total', 'counter', 'SenML packs received.', [line('citytwin_ingest_senml_packs_total', stats.senmlPacks)]),
    ...family('citytwin_ingest_readings_received_total', 'counter', 'Valid readings parsed from messages.', [line('citytwin_ingest_readings_received_total', stats.readingsIn)]),
    ...family('citytwin_ingest_readings_stored_total', 'counter', 'Readings newly stored.', [line('citytwin_ingest_readings_stored_total', stats.readingsStored)]),
    ...family('citytwin_ingest_readings_duplicate_total', 'counter', 'Readings already stored (redeliveries).', [line('citytwin_ingest_readings_duplicate_total', stats.readingsDuplicate)]),
    ...family('citytwin_ingest_dead_letters_total', 'counter', 'Messages or records refused, by reason.', reasons),
    ...family('citytwin_ingest_commit_failures_total', 'counter', 'Batch commits that failed and were retried.', [line('citytwin_ingest_commit_failures_total', stats.commitFailures)]),
    ...family('citytwin_ingest_batch_size', 'histogram', 'Readings per committed batch.', histogramLines('citytwin_ingest_batch_size', stats.batchSize)),
    ...family('citytwin_ingest_commit_seconds', 'histogram', 'Time to commit one batch.', histogramLines('citytwin_ingest_commit_seconds', stats.commitSeconds)),
    ...family('citytwin_ingest_pending_readings', 'gauge', 'Readings in memory, not yet committed.', [line('citytwin_ingest_pending_readings', stats.pending)]),
    ...family('citytwin_ingest_lag_seconds', 'gauge', 'Age of the oldest message not yet committed.', [line('citytwin_ingest_lag_seconds', gauges.lagSeconds)]),
    ...family('citytwin_ingest_backpressure', 'gauge', '1 while intake is paused for the store.', [line('citytwin_ingest_backpressure', stats.backpressure ? 1 : 0)]),
    ...family('citytwin_ingest_mqtt_connected', 'gauge', '1 while connected to the broker.', [line('citytwin_ingest_mqtt_connected', stats.connected ? 1 : 0)]),
    ...family('citytwin_ingest_store_up', 'gauge', '0 while the store refuses writes.', [line('citytwin_ingest_store_up', stats.storeError ? 0 : 1)]),
    '',
  ].join('\n');
}
