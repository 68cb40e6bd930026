import { describe, expect, it } from 'vitest';
import { CITY_PROFILES, findAppealCategory } from '@citytwin/shared';
import { bboxArea, circleArea } from '../geo/area';
import { SeededRandom } from '../random/seeded-random';
import { LocalClock } from '../time/local-clock';
import { AppealStream, MergedSource } from './appeal-stream';
import { planWorkflow } from './appeal-workflow';

const beijing = CITY_PROFILES.beijing;
const start = Date.UTC(2026, 0, 4, 16); // Monday 00:00 in Beijing

function stream(seed: number, perHour = 60) {
  return new AppealStream({ seed, timeZone: beijing.timeZone, startMs: start, perHour, area: bboxArea(beijing.simulationBounds), language: 'zh', origin: 'background' });
}

function take<T extends { tsMs: number }>(source: { next(): T }, until: number): T[] {
  const out: T[] = [];
  for (let next = source.next(); next.tsMs < until; next = source.next()) out.push(next);
  return out;
}

describe('AppealStream', () => {
  it('is deterministic for a seed', () => {
    expect(take(stream(5), start + 3_600_000 * 6)).toEqual(take(stream(5), start + 3_600_000 * 6));
  });

  it('produces about the mean rate over a week, more by day than at night', () => {
    const appeals = take(stream(1), start + 7 * 24 * 3_600_000);
    expect(appeals.length).toBeGreaterThan(60 * 24 * 7 * 0.9);
    expect(appeals.length).toBeLessThan(60 * 24 * 7 * 1.1);
    const clock = new LocalClock(beijing.timeZone);
    const night = appeals.filter((appeal) => clock.at(appeal.tsMs).hour < 5).length;
    const morning = appeals.filter((appeal) => { const hour = clock.at(appeal.tsMs).hour; return hour >= 9 && hour < 14; }).length;
    expect(morning).toBeGreaterThan(5 * night);
  });

  it('uses real category codes and puts heating appeals in winter evenings', () => {
    const appeals = take(stream(2), start + 7 * 24 * 3_600_000);
    expect(appeals.every((appeal) => findAppealCategory(appeal.body.category))).toBe(true);
    const clock = new LocalClock(beijing.timeZone);
    const heating = appeals.filter((appeal) => appeal.body.category.startsWith('heating.'));
    const evening = heating.filter((appeal) => { const hour = clock.at(appeal.tsMs).hour; return hour >= 17 && hour < 23; });
    expect(heating.length).toBeGreaterThan(100);
    expect(evening.length / heating.length).toBeGreaterThan(0.35);
  });

  it('keeps an incident stream inside its area with its category', () => {
    const area = circleArea([116.4, 39.9], 300);
    const incident = new AppealStream({ seed: 3, timeZone: beijing.timeZone, startMs: start, perHour: 10, area, category: 'flooding.street', hourly: false, language: 'en', origin: 'flood', hotspots: 0 });
    const appeals = take(incident, start + 10 * 3_600_000);
    expect(appeals.length).toBeGreaterThan(60);
    expect(appeals.every((appeal) => area.contains(appeal.body.lng, appeal.body.lat) && appeal.body.category === 'flooding.street')).toBe(true);
  });

  it('merges sources in time order', () => {
    const merged = new MergedSource([stream(1, 30), stream(2, 30)]);
    const stamps = take(merged, start + 6 * 3_600_000).map((appeal) => appeal.tsMs);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
  });
});

describe('planWorkflow', () => {
  it('dispatches, responds and closes in time order, rating only after resolution', () => {
    const random = new SeededRandom(9);
    for (let i = 0; i < 200; i += 1) {
      const events = planWorkflow(`a${i}`, 'noise.construction', start, random);
      const stamps = events.map((event) => event.tsMs);
      expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
      expect(events[0]!.body).toMatchObject({ to: 'dispatched', departments: ['urban_management', 'ecology_environment'] });
      if (events.some((event) => event.body.to === 'rated')) expect(events[2]!.body.to).toBe('resolved');
    }
  });

  it('answers most appeals within their category SLA, some late, so response rates are neither 0 nor 1', () => {
    const random = new SeededRandom(11);
    for (const [category, respondWithinMs] of [['noise.construction', 2 * 3_600_000], ['flooding.street', 3_600_000]] as const) {
      const onTime = Array.from({ length: 400 }, (_, i) => planWorkflow(`b${i}`, category, start, random))
        .filter((events) => events[1]!.tsMs - start <= respondWithinMs).length / 400;
      expect(onTime).toBeGreaterThan(0.75);
      expect(onTime).toBeLessThan(0.95);
    }
  });
});
