import { METRICS, type MetricCode } from '@citytwin/shared';

/** One sample of a sensor: when, where, what. */
export interface Sample {
  tsMs: number;
  values: Partial<Record<MetricCode, number>>;
}

export type PayloadFormat = 'native' | 'senml';

/** The native JSON payload: `{"ts","lat","lng","values"}` (ts in epoch ms). */
export function encodeNative(sample: Sample, position?: { lat: number; lng: number }): string {
  return JSON.stringify(position ? { ts: sample.tsMs, lat: position.lat, lng: position.lng, values: sample.values } : { ts: sample.tsMs, values: sample.values });
}

/**
 * A SenML pack (RFC 8428): base name `urn:dev:<sensorId>:`, base time of the
 * first sample in epoch seconds, each record's `t` relative to it.
 *
 * @example encodeSenml('a1', [{ tsMs: 1e12, values: { pm25: 30 } }])
 * // '[{"bn":"urn:dev:a1:","bt":1000000000,"n":"pm25","u":"µg/m³","v":30}]'
 */
export function encodeSenml(sensorId: string, samples: readonly Sample[]): string {
  const first = samples[0];
  if (!first) return '[]';
  const baseSeconds = first.tsMs / 1000;
  const records: Array<Record<string, string | number>> = [];
  for (const sample of samples) {
    const t = Math.round((sample.tsMs / 1000 - baseSeconds) * 1000) / 1000;
    for (const [metric, value] of Object.entries(sample.values)) {
      const record: Record<string, string | number> = records.length === 0 ? { bn: `urn:dev:${sensorId}:`, bt: baseSeconds } : {};
      record['n'] = metric;
      record['u'] = METRICS[metric as MetricCode].unit;
      record['v'] = value;
      if (t !== 0) record['t'] = t;
      records.push(record);
    }
  }
  return JSON.stringify(records);
}
