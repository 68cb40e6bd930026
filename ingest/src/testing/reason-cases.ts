import type { RejectReason } from '@citytwin/shared';
import { MAX_PAYLOAD_BYTES } from '../pipeline/message-handler';

/** A message that triggers one refusal reason. */
export interface ReasonCase {
  /** Defaults to the sensor's telemetry topic. */
  topic?: string;
  payload: Uint8Array;
  contentType?: string;
}

const text = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const here = { lat: 39.93, lng: 116.41 };

/**
 * One payload per refusal reason, for an unregistered sensor at `nowMs`
 * (Beijing bounds). Typed as a full record, so a new reason without a case
 * does not compile.
 */
export function reasonCases(nowMs: number, sensorTopic = 'citytwin/sensors/fresh-1'): Record<RejectReason, ReasonCase> {
  const native = (extra: Record<string, unknown>) => text({ ts: nowMs, ...here, values: { pm25: 10 }, ...extra });
  return {
    not_utf8: { payload: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) },
    oversized: { payload: new Uint8Array(MAX_PAYLOAD_BYTES + 1).fill(0x20) },
    bad_json: { payload: text('{"ts": 1,') },
    wrong_type: { payload: native({ values: { pm25: '35' } }) },
    bad_topic: { topic: sensorTopic.replace(/[^/]+$/, 'bad id!'), payload: native({}) },
    unknown_metric: { payload: native({ values: { radon: 3 } }) },
    not_finite: { payload: text(`{"ts":${nowMs},"lat":39.93,"lng":116.41,"values":{"pm25":1e999}}`) },
    out_of_range: { payload: native({ values: { noise_db: 400 } }) },
    bad_timestamp: { payload: native({ ts: 'yesterday' }) },
    future_timestamp: { payload: native({ ts: nowMs + 6 * 60_000 }) },
    too_old: { payload: native({ ts: '1990-01-01T00:00:00Z' }) },
    bad_coordinates: { payload: native({ lat: 95 }) },
    outside_city: { payload: native({ lat: 31.23, lng: 121.47 }) },
    // Its own sensor: the other cases teach fresh-1 a location.
    no_location: { topic: sensorTopic.replace(/[^/]+$/, 'nowhere-1'), payload: text({ ts: nowMs, values: { pm25: 1 } }) },
    bad_senml_name: { payload: text([{ bn: 'aq 1/', n: 'pm25', v: 1 }]) },
    senml_must_understand: { payload: text([{ n: 'pm25', v: 1, ext_: true }]), contentType: 'application/senml+json' },
  };
}
