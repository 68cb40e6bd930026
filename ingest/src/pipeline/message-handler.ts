import {
  parseNativePayload,
  parseSenmlPack,
  parseSensorTopic,
  DEFAULT_MAX_FUTURE_MS,
  SENML_CONTENT_TYPE,
  type BBox,
  type LatLng,
  type Reading,
  type Reject,
  type SensorCellCache,
} from '@citytwin/shared';

/** Payloads larger than this are refused unread. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

export interface HandlerSettings {
  topicPrefix: string;
  cityBounds: BBox;
  resolution: number;
  maxAgeMs: number;
  /** Each sensor's cell while it stands still, so a message costs no `latLngToCell`. */
  cells?: SensorCellCache | undefined;
}

export interface HandledMessage {
  readings: Reading[];
  rejects: Reject[];
  /** A location the payload carried, to remember for the sensor. */
  location: { sensorId: string; at: LatLng } | null;
  senml: boolean;
}

const refuse = (reject: Reject): HandledMessage => ({ readings: [], rejects: [reject], location: null, senml: false });

const decoder = new TextDecoder('utf-8', { fatal: true });
const OPEN_BRACKET = 0x5b;

/** True when the payload is a SenML pack: declared so (MQTT v5 content type) or a JSON array. */
export function isSenmlPayload(payload: Uint8Array, contentType: string | undefined): boolean {
  if (contentType !== undefined) return contentType.split(';')[0]!.trim().toLowerCase() === SENML_CONTENT_TYPE;
  for (const byte of payload) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    return byte === OPEN_BRACKET;
  }
  return false;
}

/**
 * Decodes, parses and validates one telemetry message, native JSON or SenML;
 * never throws. A bad value or record is refused alone.
 * @example handleTelemetryMessage('citytwin/sensors/aq-1', payload, settings, () => null, Date.now())
 */
export function handleTelemetryMessage(
  topic: string,
  payload: Uint8Array,
  settings: HandlerSettings,
  knownLocation: (sensorId: string) => LatLng | null,
  nowMs: number,
  contentType?: string,
): HandledMessage {
  const route = parseSensorTopic(topic, settings.topicPrefix);
  if (!route || route.kind !== 'telemetry') return refuse({ reason: 'bad_topic', detail: `topic ${topic} is not ${settings.topicPrefix}/sensors/<id>` });
  if (payload.byteLength > MAX_PAYLOAD_BYTES) return refuse({ reason: 'oversized', detail: `${payload.byteLength} bytes > ${MAX_PAYLOAD_BYTES}` });
  let text: string;
  try {
    text = decoder.decode(payload);
  } catch {
    return refuse({ reason: 'not_utf8', detail: 'payload is not valid UTF-8' });
  }
  const context = {
    sensorId: route.sensorId,
    nowMs,
    maxAgeMs: settings.maxAgeMs,
    maxFutureMs: DEFAULT_MAX_FUTURE_MS,
    cityBounds: settings.cityBounds,
    knownLocation: knownLocation(route.sensorId),
    resolution: settings.resolution,
    cells: settings.cells,
  };
  const senml = isSenmlPayload(payload, contentType);
  const parsed = senml ? parseSenmlPack(text, context) : parseNativePayload(text, context);
  return {
    readings: parsed.readings,
    rejects: parsed.rejects,
    location: parsed.location ? { sensorId: route.sensorId, at: parsed.location } : null,
    senml,
  };
}
