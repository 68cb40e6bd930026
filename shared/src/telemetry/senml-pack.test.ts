import { describe, expect, it } from 'vitest';
import { CITY_PROFILES } from '../city/city-profile';
import { cellAtLatLng } from '../grid/cell';
import type { PayloadContext } from './native-payload';
import { parseSenmlPack, resolveSenmlRecords, senmlMetricName } from './senml-pack';

const nowMs = Date.parse('2026-06-01T12:00:00Z');
const nowS = nowMs / 1000;
const here = { lat: 39.93, lng: 116.41 };
const context: PayloadContext = {
  sensorId: 'aq-1', nowMs, maxAgeMs: 20 * 365 * 86_400_000, maxFutureMs: 300_000,
  cityBounds: CITY_PROFILES.beijing.bounds, knownLocation: here, resolution: 9,
};
const pack = (records: unknown[]) => JSON.stringify(records);

describe('resolveSenmlRecords', () => {
  it('applies base name, time and value to the following records (RFC 8428 §5.1.4 style)', () => {
    const { records, rejects } = resolveSenmlRecords(
      [
        { bn: 'urn:dev:ow:10e2073a0108006:', bt: 1.276020076001e9, bu: 'A', bv: 10, n: 'voltage', u: 'V', v: 120.1 },
        { n: 'current', t: -5, v: 1.2 },
        { n: 'current', t: -4, v: 1.3 },
        { bn: 'other/', n: 'flag', vb: true },
      ],
      nowS,
    );
    expect(rejects).toEqual([]);
    expect(records.map((r) => [r.name, r.timeS, r.value, r.unit])).toEqual([
      ['urn:dev:ow:10e2073a0108006:voltage', 1.276020076001e9, 130.1, 'V'],
      ['urn:dev:ow:10e2073a0108006:current', 1.276020071001e9, 11.2, 'A'],
      ['urn:dev:ow:10e2073a0108006:current', 1.276020072001e9, 11.3, 'A'],
      ['other/flag', 1.276020076001e9, true, 'A'],
    ]);
  });

  it('reads times below 2^28 s as relative to now, and no time as now', () => {
    const { records } = resolveSenmlRecords([{ n: 'a', v: 1, t: -60 }, { n: 'b', v: 2 }], nowS);
    expect(records.map((r) => r.timeS)).toEqual([nowS - 60, nowS]);
  });
});

describe('senmlMetricName', () => {
  it('takes the last segment after / or :', () => {
    expect(senmlMetricName('aq-1/pm25')).toBe('pm25');
    expect(senmlMetricName('urn:dev:mac:0024be:noise_db')).toBe('noise_db');
    expect(senmlMetricName('pm10')).toBe('pm10');
  });
});

describe('parseSenmlPack', () => {
  it('turns a pack of hundreds of records into readings in one cell', () => {
    const records = [{ bn: 'aq-1/', bt: nowS - 3600, n: 'pm25', v: 0 }, ...Array.from({ length: 299 }, (_, i) => ({ n: 'pm25', t: i + 1, v: i % 100 }))];
    const parsed = parseSenmlPack(pack(records), context);
    expect(parsed.rejects).toEqual([]);
    expect(parsed.readings).toHaveLength(300);
    expect(new Set(parsed.readings.map((r) => r.cell))).toEqual(new Set([cellAtLatLng(here, 9)]));
    expect(parsed.readings[5]).toEqual({ sensorId: 'aq-1', metric: 'pm25', tsMs: nowMs - 3_595_000, value: 4, cell: cellAtLatLng(here, 9) });
  });

  it('locates the pack from lat/lon records and reports the location', () => {
    const there = { lat: 40.0, lng: 116.3 };
    const parsed = parseSenmlPack(pack([{ bn: 'x:', n: 'lat', v: there.lat }, { n: 'lon', v: there.lng }, { n: 'noise_db', v: 61 }]), { ...context, knownLocation: null });
    expect(parsed.rejects).toEqual([]);
    expect(parsed.readings.map((r) => [r.metric, r.value, r.cell])).toEqual([['noise_db', 61, cellAtLatLng(there, 9)]]);
    expect(parsed.location).toEqual(there);
  });

  it('keeps the good records when neighbours in the pack are bad', () => {
    const parsed = parseSenmlPack(
      pack([
        { bn: 'aq-1/', n: 'pm25', v: 10 },
        { n: 'radon', v: 1 },
        { n: 'pm25', v: 99999 },
        { n: 'Bad Name', v: 1 },
        { n: 'pm10', v: 5, x_: 1 },
        { n: 'pm10', v: 'x' },
        { n: 'pm10', t: 10 * 60, v: 5 },
        7,
        { n: 'pm10', v: 20 },
      ]),
      context,
    );
    expect(parsed.readings.map((r) => [r.metric, r.value])).toEqual([['pm25', 10], ['pm10', 20]]);
    expect(parsed.rejects.map((r) => r.reason).sort()).toEqual(
      ['bad_senml_name', 'future_timestamp', 'out_of_range', 'senml_must_understand', 'unknown_metric', 'wrong_type', 'wrong_type'].sort(),
    );
  });

  it.each([
    ['not JSON', '[{', 'bad_json'],
    ['an empty pack', '[]', 'wrong_type'],
    ['an object', '{"n":"pm25"}', 'wrong_type'],
    ['no location anywhere', pack([{ n: 'pm25', v: 1 }]), 'no_location'],
    ['a location outside the city', pack([{ n: 'lat', v: 31.2 }, { n: 'lon', v: 121.5 }, { n: 'pm25', v: 1 }]), 'outside_city'],
    ['an ancient absolute time', pack([{ bt: 9.9e8, n: 'pm25', v: 1 }]), 'too_old'],
    ['a value without number', pack([{ n: 'pm25', vs: 'high' }]), 'wrong_type'],
  ])('refuses %s', (_name, text, reason) => {
    const parsed = parseSenmlPack(text, reason === 'no_location' || reason === 'outside_city' ? { ...context, knownLocation: null } : context);
    expect(parsed.readings).toEqual([]);
    expect(parsed.rejects.map((r) => r.reason)).toEqual([reason]);
  });
});
