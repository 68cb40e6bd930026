import { describe, expect, it } from 'vitest';
import { CITY_PROFILES } from '@citytwin/shared';
import { HISTORY_HOURS_PER_SLICE, historySliceCount, historySlices } from './history-backfill';
import { demoFleet } from './live-simulation';

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
const END_MS = Date.parse('2026-06-01T10:20:00Z');

describe('historySlices', () => {
  const { sensors } = demoFleet(CITY_PROFILES.beijing, 4, 7);
  const options = { city: CITY_PROFILES.beijing, sensors, seed: 7, endMs: END_MS, days: 14, appealsPerHour: 6 };
  const slices = [...historySlices(options)];
  const readingSlices = slices.filter((slice) => slice.kind === 'readings');
  const hoursOf = (index: number) => [...new Set(readingSlices[index]!.readings.map((reading) => reading.tsMs - HOUR_MS / 2))].sort((a, b) => a - b);

  it('writes the baseline of the coming hours first: the start hour and the next ones, one and two weeks back', () => {
    const startHour = Date.parse('2026-06-01T10:00:00Z');
    const firstHours = Array.from({ length: HISTORY_HOURS_PER_SLICE }, (_, h) => startHour + h * HOUR_MS);
    expect(hoursOf(0)).toEqual([...firstHours.map((ms) => ms - 2 * WEEK_MS), ...firstHours.map((ms) => ms - WEEK_MS)]);
    expect(hoursOf(1)[0]).toBe(startHour - 2 * WEEK_MS + HISTORY_HOURS_PER_SLICE * HOUR_MS);
    expect(readingSlices).toHaveLength(Math.ceil(168 / HISTORY_HOURS_PER_SLICE));
    const hours = readingSlices.flatMap((_, index) => hoursOf(index));
    expect(new Set(hours).size).toBe(14 * 24);
    expect(hours.every((hourMs) => hourMs >= startHour - 2 * WEEK_MS && hourMs < startHour)).toBe(true);
  });

  it('gives one value per sensor and metric at the middle of each hour, in primary-key order', () => {
    const first = readingSlices[0]!;
    expect(first.readings).toHaveLength(2 * HISTORY_HOURS_PER_SLICE * sensors.reduce((sum, sensor) => sum + sensor.metrics.length, 0));
    expect(first.readings.every((reading) => (reading.tsMs - HOUR_MS / 2) % HOUR_MS === 0)).toBe(true);
    const keys = first.readings.map((reading) => [reading.sensorId, reading.metric, reading.tsMs] as const);
    const sorted = [...keys].sort((a, b) => (a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] !== b[1] ? (a[1] < b[1] ? -1 : 1) : a[2] - b[2]));
    expect(keys).toEqual(sorted);
  });

  it('then the appeals day by day, with workflow steps only before the start', () => {
    const appeals = slices.filter((slice) => slice.kind === 'appeals').flatMap((slice) => slice.appeals);
    expect(slices.findIndex((slice) => slice.kind === 'appeals')).toBe(readingSlices.length);
    expect(appeals.length).toBeGreaterThan(14 * 24 * 6 * 0.7);
    expect(appeals.every(({ appeal, steps }) => appeal.tsMs < END_MS && steps.every((step) => step.atMs > appeal.tsMs && step.atMs < END_MS))).toBe(true);
    expect(appeals.some(({ steps }) => steps.some((step) => step.to === 'resolved'))).toBe(true);
  });

  it('numbers the slices and, resumed from one, yields the same slices from there on', () => {
    expect(slices.map((slice) => slice.index)).toEqual(slices.map((_, i) => i));
    expect(historySliceCount(options)).toBe(slices.length);
    const from = readingSlices.length - 2;
    const resumed = [...historySlices(options, from)];
    expect(resumed).toEqual(slices.slice(from));
  });
});
