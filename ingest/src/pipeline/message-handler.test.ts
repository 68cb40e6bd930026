import { describe, expect, it } from 'vitest';
import { CITY_PROFILES, REJECT_REASONS } from '@citytwin/shared';
import { reasonCases } from '../testing/reason-cases';
import { handleTelemetryMessage, isSenmlPayload, type HandlerSettings } from './message-handler';

const nowMs = Date.parse('2026-06-01T12:00:00Z');
const settings: HandlerSettings = { topicPrefix: 'citytwin', cityBounds: CITY_PROFILES.beijing.bounds, resolution: 9, maxAgeMs: 20 * 365 * 86_400_000 };
const here = { lat: 39.93, lng: 116.41 };
const text = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const native = (extra: Record<string, unknown>) => text({ ts: nowMs, ...here, values: { pm25: 10 }, ...extra });
const REASON_CASES = reasonCases(nowMs);

describe('handleTelemetryMessage', () => {
  it.each(REJECT_REASONS.map((reason) => [reason] as const))('refuses a payload for %s', (reason) => {
    const sample = REASON_CASES[reason];
    const handled = handleTelemetryMessage(sample.topic ?? 'citytwin/sensors/fresh-1', sample.payload, settings, () => null, nowMs, sample.contentType);
    expect(handled.readings).toEqual([]);
    expect(handled.rejects.map((reject) => reject.reason)).toEqual([reason]);
  });

  it('reads native JSON and SenML packs alike', () => {
    const senml = text([{ bn: 'aq-1/', bt: nowMs / 1000, n: 'pm25', v: 12 }, { n: 'noise_db', v: 50 }]);
    const handled = handleTelemetryMessage('citytwin/sensors/aq-1', senml, settings, () => here, nowMs);
    expect(handled.senml).toBe(true);
    expect(handled.readings.map((r) => [r.metric, r.value, r.tsMs])).toEqual([['pm25', 12, nowMs], ['noise_db', 50, nowMs]]);
    expect(handleTelemetryMessage('citytwin/sensors/aq-1', native({}), settings, () => null, nowMs).readings).toHaveLength(1);
  });
});

describe('isSenmlPayload', () => {
  it('trusts a declared content type, else looks for a JSON array', () => {
    expect(isSenmlPayload(text(' \n[{}]'), undefined)).toBe(true);
    expect(isSenmlPayload(text('{}'), undefined)).toBe(false);
    expect(isSenmlPayload(text('{}'), 'application/senml+json; charset=utf-8')).toBe(true);
    expect(isSenmlPayload(text('[]'), 'application/json')).toBe(false);
  });
});
