import { describe, expect, it } from 'vitest';
import { CITY_PROFILES } from '../city/city-profile';
import { cellAtLatLng } from '../grid/cell';
import { parseNativePayload, type PayloadContext } from './native-payload';
import { parseSensorTopic } from './topics';

const now = Date.parse('2026-06-01T12:00:00Z');
const context: PayloadContext = {
  sensorId: 's1',
  nowMs: now,
  maxAgeMs: 10 * 365 * 24 * 3600 * 1000,
  maxFutureMs: 5 * 60 * 1000,
  cityBounds: CITY_PROFILES.beijing.bounds,
  knownLocation: null,
  resolution: 9,
};
const here = { lat: 39.93, lng: 116.41 };

describe('parseNativePayload', () => {
  it('turns each value into a reading in the sensor cell', () => {
    const parsed = parseNativePayload(JSON.stringify({ ts: '2026-06-01T11:59:00Z', ...here, values: { pm25: 35, noise_db: 55.5 } }), context);
    expect(parsed.rejects).toEqual([]);
    expect(parsed.readings).toEqual([
      { sensorId: 's1', metric: 'pm25', tsMs: now - 60_000, value: 35, cell: cellAtLatLng(here, 9) },
      { sensorId: 's1', metric: 'noise_db', tsMs: now - 60_000, value: 55.5, cell: cellAtLatLng(here, 9) },
    ]);
    expect(parsed.location).toEqual(here);
  });

  it('uses the registered location when the payload has none', () => {
    const parsed = parseNativePayload(JSON.stringify({ ts: now, values: { pm25: 1 } }), { ...context, knownLocation: here });
    expect(parsed.readings[0]?.cell).toBe(cellAtLatLng(here, 9));
    expect(parsed.location).toBeNull();
  });

  it.each([
    ['not json', '{', 'bad_json'],
    ['an array', '[]', 'wrong_type'],
    ['values missing', JSON.stringify({ ts: now, ...here }), 'wrong_type'],
    ['unparseable ts', JSON.stringify({ ts: 'yesterday', ...here, values: { pm25: 1 } }), 'bad_timestamp'],
    ['future ts', JSON.stringify({ ts: now + 6 * 60_000, ...here, values: { pm25: 1 } }), 'future_timestamp'],
    // Regression: found by the ingest fuzz test, Date#toISOString threw on 1e20.
    ['ts beyond what Date can hold', JSON.stringify({ ts: 1e20, ...here, values: { pm25: 1 } }), 'future_timestamp'],
    ['ancient ts', JSON.stringify({ ts: '2001-01-01T00:00:00Z', ...here, values: { pm25: 1 } }), 'too_old'],
    ['lat beyond 90', JSON.stringify({ ts: now, lat: 91, lng: 116, values: { pm25: 1 } }), 'bad_coordinates'],
    ['outside Beijing', JSON.stringify({ ts: now, lat: 31.2, lng: 121.5, values: { pm25: 1 } }), 'outside_city'],
    ['lat as string', JSON.stringify({ ts: now, lat: '39.9', lng: 116.4, values: { pm25: 1 } }), 'wrong_type'],
    ['no location at all', JSON.stringify({ ts: now, values: { pm25: 1 } }), 'no_location'],
    ['unknown metric', JSON.stringify({ ts: now, ...here, values: { radon: 1 } }), 'unknown_metric'],
    ['out of range', JSON.stringify({ ts: now, ...here, values: { noise_db: 400 } }), 'out_of_range'],
    ['value as string', JSON.stringify({ ts: now, ...here, values: { pm25: '35' } }), 'wrong_type'],
  ])('refuses %s', (_name, text, reason) => {
    const parsed = parseNativePayload(text, context);
    expect(parsed.readings).toEqual([]);
    expect(parsed.rejects.map((reject) => reject.reason)).toEqual([reason]);
  });

  it('keeps the good values when one value of the message is bad', () => {
    const parsed = parseNativePayload(JSON.stringify({ ts: now, ...here, values: { pm25: 20, noise_db: -5, o3: 40 } }), context);
    expect(parsed.readings.map((reading) => reading.metric)).toEqual(['pm25', 'o3']);
    expect(parsed.rejects.map((reject) => reject.reason)).toEqual(['out_of_range']);
  });
});

describe('parseSensorTopic', () => {
  it('splits telemetry and meta topics and refuses others', () => {
    expect(parseSensorTopic('citytwin/sensors/aq-001')).toEqual({ sensorId: 'aq-001', kind: 'telemetry' });
    expect(parseSensorTopic('citytwin/sensors/aq-001/meta')).toEqual({ sensorId: 'aq-001', kind: 'meta' });
    expect(parseSensorTopic('other/sensors/aq-001')).toBeUndefined();
    expect(parseSensorTopic('citytwin/sensors/a b')).toBeUndefined();
    expect(parseSensorTopic('x/sensors/aq-001', 'x')).toEqual({ sensorId: 'aq-001', kind: 'telemetry' });
  });

  it('refuses near misses: empty or bad ids, extra levels, look-alike prefixes and levels', () => {
    for (const topic of [
      'citytwin/sensors/', 'citytwin/sensors', 'citytwin/sensors//meta', 'citytwin/sensors/aq-1/', 'citytwin/sensors/aq-1/metax',
      'citytwin/sensors/aq-1/meta/x', 'citytwin/sensors/aq-1/x', 'citytwinx/sensors/aq-1', 'xcitytwin/sensors/aq-1',
      'citytwin/sensorsx/aq-1', 'citytwin/sensor/aq-1', 'citytwin//sensors/aq-1', `citytwin/sensors/${'a'.repeat(65)}`, 'citytwin/sensors/aq+1', '',
    ]) {
      expect(parseSensorTopic(topic), topic).toBeUndefined();
    }
    expect(parseSensorTopic(`citytwin/sensors/${'a'.repeat(64)}`)).toEqual({ sensorId: 'a'.repeat(64), kind: 'telemetry' });
  });
});
