import { isMetricCode, isInsideBBox, type BBox, type CityProfile, type MetricCode } from '@citytwin/shared';
import { upsertSensors, type Db, type SensorRegistration } from '@citytwin/store';
import type { LocationCache } from './location-cache';

/**
 * Reads a retained `<prefix>/sensors/<id>/meta` message
 * `{"kind","name","lat","lng","metrics":[...], "intervalMs"?}`; undefined when unusable.
 */
export function parseSensorMeta(sensorId: string, text: string, bounds: BBox): SensorRegistration | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const meta = body as Record<string, unknown>;
  const { lat, lng } = meta;
  if (typeof lat !== 'number' || typeof lng !== 'number' || !isInsideBBox(bounds, lng, lat)) return undefined;
  const metrics = Array.isArray(meta['metrics']) ? meta['metrics'].filter((m): m is MetricCode => typeof m === 'string' && isMetricCode(m)) : [];
  const intervalMs = typeof meta['intervalMs'] === 'number' && meta['intervalMs'] > 0 ? Math.round(meta['intervalMs']) : null;
  return {
    id: sensorId,
    kind: typeof meta['kind'] === 'string' ? meta['kind'].slice(0, 32) : 'unknown',
    name: typeof meta['name'] === 'string' ? meta['name'].slice(0, 200) : null,
    lat,
    lng,
    metrics,
    intervalMs,
    meta,
  };
}

/** Registers the sensor a meta message describes; an unusable or empty (cleared) message is ignored. */
export async function storeSensorMeta(
  db: Db,
  sensorId: string,
  payload: Uint8Array,
  options: { city: CityProfile; resolution: number },
  locations: LocationCache,
): Promise<void> {
  if (payload.byteLength === 0) return;
  const registration = parseSensorMeta(sensorId, new TextDecoder().decode(payload), options.city.bounds);
  if (!registration) return;
  locations.remember(sensorId, { lat: registration.lat, lng: registration.lng });
  await upsertSensors(db, [registration], options.resolution);
}
