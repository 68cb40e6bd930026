import { describe, expect, it } from 'vitest';
import { CITY_PROFILES } from '@citytwin/shared';
import { bboxArea } from '../geo/area';
import { SeededRandom } from '../random/seeded-random';
import { FleetMessageSource, metaMessages, type FleetPlan } from './fleet-messages';
import { layOutFleetInArea } from './fleet-layout';
import { parseFaultRates } from './sensor-faults';

const beijing = CITY_PROFILES.beijing;

function plan(seed: number, overrides: Partial<FleetPlan> = {}): FleetPlan {
  const sensors = layOutFleetInArea(50, bboxArea(beijing.simulationBounds), new SeededRandom(seed));
  return { sensors, seed, timeZone: beijing.timeZone, periodMs: 10_000, startMs: Date.UTC(2026, 0, 5, 0), format: 'native', pack: 1, topicPrefix: 'det', ...overrides };
}

function firstMessages(source: FleetMessageSource, slots: number): string[] {
  return Array.from({ length: slots }, () => source.next().messages.map((message) => `${message.topic} ${message.payload}`)).flat();
}

describe('FleetMessageSource', () => {
  it('gives the same messages for the same seed, faults included', () => {
    const faults = parseFaultRates('dropout=0.05,stuck=0.05,spike=0.05,skew=0.05,malformed=0.05,duplicate=0.05');
    const a = firstMessages(new FleetMessageSource(plan(7, { faults })), 500);
    const b = firstMessages(new FleetMessageSource(plan(7, { faults })), 500);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(300);
  });

  it('gives different messages for another seed', () => {
    expect(firstMessages(new FleetMessageSource(plan(8)), 20)).not.toEqual(firstMessages(new FleetMessageSource(plan(7)), 20));
  });

  it('spreads one round of reports evenly over the period', () => {
    const source = new FleetMessageSource(plan(1));
    const stamps = Array.from({ length: 51 }, () => source.next().tsMs);
    expect(stamps[1]! - stamps[0]!).toBe(200);
    expect(stamps[50]! - stamps[0]!).toBe(10_000);
  });

  it('writes native payloads with ts, position and in-range values', () => {
    const message = new FleetMessageSource(plan(1)).next().messages[0]!;
    const payload = JSON.parse(message.payload) as { ts: number; lat: number; lng: number; values: Record<string, number> };
    expect(payload.ts).toBe(Date.UTC(2026, 0, 5, 0));
    expect(message.topic).toMatch(/^det\/sensors\/sim-/);
    expect(Object.keys(payload.values).length).toBe(message.readings);
  });

  it('packs SenML samples ending at the report time with relative t', () => {
    const slot = new FleetMessageSource(plan(1, { format: 'senml', pack: 5 })).next();
    const records = JSON.parse(slot.messages[0]!.payload) as Array<{ bn?: string; bt?: number; n: string; v: number; t?: number }>;
    expect(records[0]!.bn).toMatch(/^urn:dev:sim-.*:$/);
    const last = records[records.length - 1]!;
    expect(records[0]!.bt! * 1000 + (last.t ?? 0) * 1000).toBeCloseTo(slot.tsMs, 0);
    expect(records.length).toBe(slot.messages[0]!.readings);
  });

  it('announces each sensor with a retained meta message', () => {
    const meta = metaMessages(plan(1).sensors, 10_000, 'det');
    expect(meta).toHaveLength(50);
    expect(meta[0]!.retain).toBe(true);
    expect(JSON.parse(meta[0]!.payload)).toMatchObject({ intervalMs: 10_000 });
  });
});
