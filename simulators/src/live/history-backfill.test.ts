import { describe, expect, it } from 'vitest';
import { CITY_PROFILES } from '@citytwin/shared';
import { historySlices } from './history-backfill';
import { demoFleet } from './live-simulation';

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
const END_MS = Date.parse('2026-06-01T10:20:00Z');

describe('historySlices', () => {
  const { sensors } = demoFleet(CITY_PROFILES.beijing, 4, 7);
  const slices = [...historySlices({ city: CITY_PROFILES.beijing, sensors, seed: 7, endMs: END_MS, days: 14, appealsPerHour: 6 })];
  const readingSlices = slices.filter((slice) => slice.kind === 'readings');

  it('writes the baseline of the coming hours first: the start hour one and two weeks back, then the next hour', () => {
    const startHour = Date.parse('2026-06-01T10:00:00Z');
    const hoursOf = (index: number) => [...new Set(readingSlices[index]!.readings.map((reading) => reading.tsMs - HOUR_MS / 2))].sort((a, b) => b - a);
    expect(hoursOf(0)).toEqual([startHour - WEEK_MS, startHour - 2 * WEEK_MS]);
    expect(hoursOf(1)).toEqual([startHour - WEEK_MS + HOUR_MS, startHour - 2 * WEEK_MS + HOUR_MS]);
    expect(readingSlices).toHaveLength(7 * 24);
    const hours = readingSlices.flatMap((_, index) => hoursOf(index));
    expect(new Set(hours).size).toBe(14 * 24);
    expect(hours.every((hourMs) => hourMs >= startHour - 2 * WEEK_MS && hourMs < startHour)).toBe(true);
  });

  it('gives one value per sensor and metric at the middle of each hour', () => {
    const first = readingSlices[0]!;
    expect(first.readings).toHaveLength(2 * sensors.reduce((sum, sensor) => sum + sensor.metrics.length, 0));
    expect(first.readings.every((reading) => (reading.tsMs - HOUR_MS / 2) % HOUR_MS === 0)).toBe(true);
  });

  it('then the appeals day by day, with workflow steps only before the start', () => {
    const appeals = slices.filter((slice) => slice.kind === 'appeals').flatMap((slice) => slice.appeals);
    expect(slices.findIndex((slice) => slice.kind === 'appeals')).toBe(readingSlices.length);
    expect(appeals.length).toBeGreaterThan(14 * 24 * 6 * 0.7);
    expect(appeals.every(({ appeal, steps }) => appeal.tsMs < END_MS && steps.every((step) => step.atMs > appeal.tsMs && step.atMs < END_MS))).toBe(true);
    expect(appeals.some(({ steps }) => steps.some((step) => step.to === 'resolved'))).toBe(true);
  });
});
