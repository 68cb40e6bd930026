import { describe, expect, it } from 'vitest';
import { detectAlertEpisodes, type AlertPoint, type AlertRule } from './alert-episodes';
import { seasonalBaseline } from './seasonal-baseline';

const HOUR_MS = 3_600_000;
const WEEK_HOURS = 168;
const START_MS = Date.parse('2026-05-04T00:00:00Z');
const ONSET = 4 * WEEK_HOURS + 50; // Saturday of week 5, 02:00
const RISE_HOURS = 6;

/** Five weeks of hourly noise: a daily cycle, a quieter weekend, deterministic jitter of ±1.5 dB. */
function fiveWeeks(rise: number): number[] {
  return Array.from({ length: 5 * WEEK_HOURS }, (_, h) => {
    const hourOfDay = h % 24;
    const weekend = Math.floor(h / 24) % 7 >= 5;
    const jitter = (((h * 7919) % 13) / 12 - 0.5) * 3;
    const planted = h >= ONSET && h < ONSET + RISE_HOURS ? rise : 0;
    return 50 + 10 * Math.sin((Math.PI * (hourOfDay - 6)) / 12) - (weekend ? 4 : 0) + jitter + planted;
  });
}

function points(values: number[]): AlertPoint[] {
  return values.map((value, h) => ({ atMs: START_MS + h * HOUR_MS, value, count: 1, baseline: seasonalBaseline(values, h, WEEK_HOURS, 4, 2), scaleFloor: 1 }));
}

const RULE: AlertRule = { z: 3, buckets: 2, direction: 1, minCount: 0 };

describe('detectAlertEpisodes', () => {
  it('opens within 2 buckets of a planted rise in week 5 and closes after it ends', () => {
    const episodes = detectAlertEpisodes(points(fiveWeeks(15)), RULE, HOUR_MS);
    expect(episodes).toHaveLength(1);
    const [alert] = episodes;
    // Opened at the onset: the alert is known at the end of the second abnormal bucket.
    expect(alert!.openedAtMs).toBe(START_MS + ONSET * HOUR_MS);
    // Closed at the end of the rise, decided after two normal hours.
    expect(alert!.closedAtMs).toBe(START_MS + (ONSET + RISE_HOURS) * HOUR_MS);
    expect(alert!.peak.z).toBeGreaterThan(3);
    expect(alert!.peak.value - alert!.baseline.median).toBeGreaterThan(12);
  });

  it('raises nothing on the same series without the rise', () => {
    expect(detectAlertEpisodes(points(fiveWeeks(0)), RULE, HOUR_MS)).toEqual([]);
  });

  it('looks downwards for a metric where lower is worse, and stays open while the rise lasts', () => {
    const values = fiveWeeks(-15);
    expect(detectAlertEpisodes(points(values), RULE, HOUR_MS)).toEqual([]);
    const down = detectAlertEpisodes(points(values), { ...RULE, direction: -1 }, HOUR_MS);
    expect(down).toHaveLength(1);
    expect(down[0]!.peak.z).toBeLessThan(-3);
    const open = detectAlertEpisodes(points(values).slice(0, ONSET + 4), { ...RULE, direction: -1 }, HOUR_MS);
    expect(open[0]).toMatchObject({ closedAtMs: null, lastAbnormalAtMs: START_MS + (ONSET + 3) * HOUR_MS });
  });

  it('needs two abnormal buckets in a row and the minimum count', () => {
    const values = fiveWeeks(0);
    values[ONSET] = 90;
    expect(detectAlertEpisodes(points(values), RULE, HOUR_MS)).toEqual([]);
    values[ONSET + 1] = 90;
    expect(detectAlertEpisodes(points(values), RULE, HOUR_MS)).toHaveLength(1);
    expect(detectAlertEpisodes(points(values), { ...RULE, minCount: 3 }, HOUR_MS)).toEqual([]);
  });
});
