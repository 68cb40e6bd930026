import { describe, expect, it } from 'vitest';
import { CITY_PROFILES } from '@citytwin/shared';
import { bboxArea } from '../geo/area';
import { SeededRandom } from '../random/seeded-random';
import { FleetMessageSource } from './fleet-messages';
import { layOutFleetInArea } from './fleet-layout';
import { FaultInjector, NO_FAULTS, parseFaultRates } from './sensor-faults';

describe('parseFaultRates', () => {
  it('reads presets and kind=rate lists', () => {
    expect(parseFaultRates('none')).toEqual(NO_FAULTS);
    expect(parseFaultRates('realistic').duplicate).toBeGreaterThan(0);
    expect(parseFaultRates('spike=0.1,skew=0.2')).toEqual({ ...NO_FAULTS, spike: 0.1, skew: 0.2 });
  });

  it.each(['spike', 'spike=2', 'fire=0.1', 'spike=-1'])('refuses %s', (text) => {
    expect(() => parseFaultRates(text)).toThrow(RangeError);
  });
});

describe('FaultInjector', () => {
  it('keeps a sensor silent for at least 10 reports once it drops out', () => {
    const injector = new FaultInjector({ ...NO_FAULTS, dropout: 0.02 }, new SeededRandom(1));
    const drops = Array.from({ length: 3000 }, () => injector.decide('s1', undefined).drop);
    const runs = drops.map((drop) => (drop ? 'x' : '.')).join('').split('.').filter(Boolean).map((run) => run.length);
    expect(runs.length).toBeGreaterThan(5);
    expect(Math.min(...runs.slice(0, -1))).toBeGreaterThanOrEqual(10);
  });

  it('repeats the last values while stuck', () => {
    const injector = new FaultInjector({ ...NO_FAULTS, stuck: 1 }, new SeededRandom(2));
    expect(injector.decide('s1', { pm25: 42 }).stuckValues).toEqual({ pm25: 42 });
    expect(injector.decide('s1', { pm25: 50 }).stuckValues).toEqual({ pm25: 42 });
  });
});

describe('faulty fleet messages', () => {
  const sensors = layOutFleetInArea(20, bboxArea(CITY_PROFILES.beijing.simulationBounds), new SeededRandom(3));
  const plan = { sensors, seed: 3, timeZone: 'Asia/Shanghai', periodMs: 10_000, startMs: Date.UTC(2026, 0, 1), format: 'native' as const, pack: 1, topicPrefix: 'f' };

  it('sends duplicates as the same payload twice', () => {
    const slot = new FleetMessageSource({ ...plan, faults: { ...NO_FAULTS, duplicate: 1 } }).next();
    expect(slot.messages).toHaveLength(2);
    expect(slot.messages[0]!.payload).toBe(slot.messages[1]!.payload);
  });

  it('garbles payloads that ingest must refuse, and counts no readings for them', () => {
    const source = new FleetMessageSource({ ...plan, faults: { ...NO_FAULTS, malformed: 1 } });
    for (let i = 0; i < 30; i += 1) {
      const message = source.next().messages[0]!;
      expect(message.readings).toBe(0);
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.payload);
      } catch {
        continue; // truncated JSON
      }
      const { ts, values } = parsed as { ts: unknown; values?: Record<string, unknown> };
      expect(typeof ts !== 'number' || Object.values(values ?? {}).some((value) => typeof value === 'string')).toBe(true);
    }
  });

  it('skews a sensor clock by up to -2 h .. +15 min', () => {
    const source = new FleetMessageSource({ ...plan, faults: { ...NO_FAULTS, skew: 1 } });
    const slot = source.next();
    const ts = (JSON.parse(slot.messages[0]!.payload) as { ts: number }).ts;
    expect(ts).not.toBe(slot.tsMs);
    expect(ts - slot.tsMs).toBeGreaterThanOrEqual(-2 * 3_600_000);
    expect(ts - slot.tsMs).toBeLessThanOrEqual(15 * 60_000);
  });
});
