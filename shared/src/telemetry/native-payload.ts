import { isMetricCode, isValueInRange } from '../catalogue/metrics';
import { isInsideBBox, type BBox } from '../city/city-profile';
import { cellAtLatLng, type H3Cell, type LatLng } from '../grid/cell';
import type { SensorCellCache } from '../grid/sensor-cell-cache';
import type { Reading } from '../types';
import type { Reject } from './reject-reasons';

/** What a payload is checked against; `nowMs` is passed in so parsing stays pure. */
export interface PayloadContext {
  sensorId: string;
  nowMs: number;
  /** Readings older than this many ms before `nowMs` are refused (`too_old`). */
  maxAgeMs: number;
  /** Readings stamped more than this far in the future are refused. */
  maxFutureMs: number;
  cityBounds: BBox;
  /** Registered location, used when the payload carries none. */
  knownLocation: LatLng | null;
  resolution: number;
  /** Remembers each sensor's cell while it stands still (ingest passes one; optional). */
  cells?: SensorCellCache | undefined;
}

export interface ParsedPayload {
  readings: Reading[];
  rejects: Reject[];
  /** Location the payload carried, if valid (to update the registry). */
  location: LatLng | null;
}

export const DEFAULT_MAX_FUTURE_MS = 5 * 60 * 1000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Epoch ms from an ISO-8601 string (with zone) or epoch-ms number, else undefined. */
export function parseTimestampMs(ts: unknown): number | undefined {
  if (typeof ts === 'number') return Number.isFinite(ts) && Number.isInteger(ts) ? ts : undefined;
  if (typeof ts !== 'string' || !ISO_DATE.test(ts)) return undefined;
  const ms = Date.parse(ts);
  return Number.isNaN(ms) ? undefined : ms;
}

/** ISO text of an epoch-ms time, or the raw number when Date cannot represent it (beyond ±8.64e15 ms). */
function describeTime(tsMs: number): string {
  return Math.abs(tsMs) <= 8.64e15 ? new Date(tsMs).toISOString() : `${tsMs} ms`;
}

/** A reject when `tsMs` is outside the accepted window, else undefined. */
export function checkTimestampWindow(tsMs: number, context: PayloadContext): Reject | undefined {
  if (tsMs > context.nowMs + context.maxFutureMs) {
    return { reason: 'future_timestamp', detail: `ts ${describeTime(tsMs)} is in the future` };
  }
  if (tsMs < context.nowMs - context.maxAgeMs) {
    return { reason: 'too_old', detail: `ts ${describeTime(tsMs)} is older than the retention` };
  }
  return undefined;
}

/** The location to use, or a reject explaining why there is none. */
export function resolveLocation(
  lat: unknown,
  lng: unknown,
  context: PayloadContext,
): { location: LatLng; fromPayload: boolean } | Reject {
  if (lat === undefined && lng === undefined) {
    if (context.knownLocation) return { location: context.knownLocation, fromPayload: false };
    return { reason: 'no_location', detail: `sensor ${context.sensorId} is not registered and sent no lat/lng` };
  }
  if (typeof lat !== 'number' || typeof lng !== 'number') {
    return { reason: 'wrong_type', detail: 'lat and lng must both be numbers' };
  }
  if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180)) {
    return { reason: 'bad_coordinates', detail: `lat ${lat}, lng ${lng} is not a WGS84 position` };
  }
  if (!isInsideBBox(context.cityBounds, lng, lat)) {
    return { reason: 'outside_city', detail: `lat ${lat}, lng ${lng} is outside the city bounds` };
  }
  return { location: { lat, lng }, fromPayload: true };
}

/** A reject for a bad metric value, else undefined. */
export function checkMetricValue(metric: string, value: unknown): Reject | undefined {
  if (!isMetricCode(metric)) return { reason: 'unknown_metric', detail: `metric "${metric}" is not in the catalogue` };
  if (typeof value !== 'number') return { reason: 'wrong_type', detail: `values.${metric} must be a number` };
  if (!Number.isFinite(value)) return { reason: 'not_finite', detail: `values.${metric} is ${value}` };
  if (!isValueInRange(metric, value)) return { reason: 'out_of_range', detail: `values.${metric} = ${value} is outside the valid range` };
  return undefined;
}

/** The cell of the reading's location at the context's resolution, from the cache when it has one. */
export function cellForLocation(location: LatLng, context: PayloadContext): H3Cell {
  const cells = context.cells;
  if (cells !== undefined && cells.resolution === context.resolution) return cells.cellOf(context.sensorId, location);
  return cellAtLatLng(location, context.resolution);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses and validates CityTwin's native telemetry JSON
 * `{"ts": ISO|epochMs, "lat"?, "lng"?, "values": {"<metric>": number}}`.
 * A bad value is refused alone; the good values of the same message are kept.
 * @example parseNativePayload('{"ts":1700000000000,"values":{"pm25":35}}', context)
 */
export function parseNativePayload(text: string, context: PayloadContext): ParsedPayload {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse({ reason: 'bad_json', detail: 'payload is not valid JSON' });
  }
  if (!isRecord(body)) return refuse({ reason: 'wrong_type', detail: 'payload must be a JSON object' });
  if (!isRecord(body.values)) return refuse({ reason: 'wrong_type', detail: 'values must be an object of metric: number' });
  const tsMs = parseTimestampMs(body.ts);
  if (tsMs === undefined) return refuse({ reason: 'bad_timestamp', detail: `ts ${JSON.stringify(body.ts)} is not an ISO-8601 time or epoch ms` });
  const tooEarlyOrLate = checkTimestampWindow(tsMs, context);
  if (tooEarlyOrLate) return refuse(tooEarlyOrLate);
  const place = resolveLocation(body.lat, body.lng, context);
  if ('reason' in place) return refuse(place);
  const cell = cellForLocation(place.location, context);
  const readings: Reading[] = [];
  const rejects: Reject[] = [];
  const values = body.values;
  for (const metric in values) {
    const value = values[metric];
    const problem = checkMetricValue(metric, value);
    if (problem) rejects.push(problem);
    else readings.push({ sensorId: context.sensorId, metric: metric as Reading['metric'], tsMs, value: value as number, cell });
  }
  if (readings.length === 0 && rejects.length === 0) rejects.push({ reason: 'wrong_type', detail: 'values is empty' });
  return { readings, rejects, location: place.fromPayload ? place.location : null };
}

function refuse(reject: Reject): ParsedPayload {
  return { readings: [], rejects: [reject], location: null };
}
