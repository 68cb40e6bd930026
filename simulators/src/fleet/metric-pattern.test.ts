import { describe, expect, it } from 'vitest';
import { patternValue, pmEpisodeFactor } from './metric-pattern';

const weekday = (hour: number, month = 5) => ({ hour, weekday: 3, month, dayIndex: 20_000 });

describe('patternValue', () => {
  it('has a traffic rush hour above the night', () => {
    expect(patternValue('traffic_flow', weekday(8), 1)).toBeGreaterThan(3 * patternValue('traffic_flow', weekday(3), 1));
  });

  it('drops noise at night', () => {
    expect(patternValue('noise_db', weekday(2), 1)).toBeLessThan(patternValue('noise_db', weekday(14), 1) - 10);
  });

  it('has less traffic on a Sunday morning than on a Wednesday morning', () => {
    expect(patternValue('traffic_flow', { ...weekday(8), weekday: 0 }, 1)).toBeLessThan(patternValue('traffic_flow', weekday(8), 1));
  });

  it('is colder in January than in July', () => {
    expect(patternValue('temperature_c', weekday(12, 1), 1)).toBeLessThan(patternValue('temperature_c', weekday(12, 7), 1) - 20);
  });

  it('has PM2.5 episodes on some days and none on most', () => {
    const factors = Array.from({ length: 365 }, (_, day) => pmEpisodeFactor(3, { hour: 12, weekday: 1, month: 1, dayIndex: day }));
    const episodeDays = factors.filter((factor) => factor > 1).length;
    expect(episodeDays).toBeGreaterThan(60);
    expect(episodeDays).toBeLessThan(300);
    expect(Math.max(...factors)).toBeGreaterThan(2.5);
  });
});
