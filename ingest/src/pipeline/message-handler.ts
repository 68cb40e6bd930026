import {
  parseNativePayload,
  parseSensorTopic,
  DEFAULT_MAX_FUTURE_MS,
  type BBox,
  type LatLng,
  type Reading,
  type Reject,
} from '@citytwin/shared';

/** Payloads larger than this are refused unread. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

export interface HandlerSettings {
  topicPrefix: string;
  cityBounds: BBox;
  resolution: number;
  maxAgeMs: number;
}

export interface HandledMessage {
  readings: Reading[];
  rejects: Reject[];
  /** A location the payload carried, to remember for the sensor. */
  location: { sensorId: string; at: LatLng } | null;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes, parses and validates one telemetry message; never throws. */
export function handleTelemetryMessage(
  topic: string,
  payload: Uint8Array,
  settings: HandlerSettings,
  knownLocation: (sensorId: string) => LatLng | null,
  nowMs: number,
): HandledMessage {
  const refuse = (reject: Reject): HandledMessage => ({ readings: [], rejects: [reject], location: null });
  const route = parseSensorTopic(topic, settings.topicPrefix);
  if (!route || route.kind !== 'telemetry') return refuse({ reason: 'bad_topic', detail: `topic ${topic} is not ${settings.topicPrefix}/sensors/<id>` });
  if (payload.byteLength > MAX_PAYLOAD_BYTES) return refuse({ reason: 'oversized', detail: `${payload.byteLength} bytes > ${MAX_PAYLOAD_BYTES}` });
  let text: string;
  try {
    text = decoder.decode(payload);
  } catch {
    return refuse({ reason: 'not_utf8', detail: 'payload is not valid UTF-8' });
  }
  const parsed = parseNativePayload(text, {
    sensorId: route.sensorId,
    nowMs,
    maxAgeMs: settings.maxAgeMs,
    maxFutureMs: DEFAULT_MAX_FUTURE_MS,
    cityBounds: settings.cityBounds,
    knownLocation: knownLocation(route.sensorId),
    resolution: settings.resolution,
  });
  return {
    readings: parsed.readings,
    rejects: parsed.rejects,
    location: parsed.location ? { sensorId: route.sensorId, at: parsed.location } : null,
  };
}
