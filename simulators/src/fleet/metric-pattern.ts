import type { MetricCode } from '@citytwin/shared';
import type { LocalTime } from '../time/local-clock';
import { typicalValue } from './daily-patterns';

/**
 * A 0..1 hash of (seed, day): the same day always draws the same weather.
 * (splitmix32-style integer mixing.)
 */
export function dayDraw(seed: number, dayIndex: number): number {
  let h = (seed ^ Math.imul(dayIndex, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/**
 * PM multiplier of a multi-day stagnant-weather episode: an episode starts on
 * about one day in six, builds up for three days and is blown away on the fourth,
 * the saw-tooth seen in Beijing winter PM2.5 records. 1 outside episodes, up to 4.
 */
export function pmEpisodeFactor(seed: number, local: LocalTime): number {
  for (let back = 0; back < 4; back += 1) {
    if (dayDraw(seed, local.dayIndex - back) < 1 / 6) {
      const build = back + local.hour / 24;
      return back === 3 ? Math.max(1, 4 - 3 * (local.hour / 12)) : 1 + build;
    }
  }
  return 1;
}

/**
 * Typical value of a metric at a local time, before noise: the daily shape of
 * `typicalValue`, with weekends (less traffic, no morning rush, later noise),
 * winter cold and heating-season PM, and PM weather episodes.
 *
 * @example patternValue('traffic_flow', { hour: 8, weekday: 1, month: 5, dayIndex: 0 }, 1) // ~3300 vehicles/h
 */
export function patternValue(metric: MetricCode, local: LocalTime, seed: number): number {
  const weekend = local.weekday === 0 || local.weekday === 6;
  // Weekend traffic peaks later and lower: shift the clock by 2 h and scale down.
  const hour = weekend && (metric === 'traffic_flow' || metric === 'no2') ? (local.hour + 22) % 24 : local.hour;
  const base = typicalValue(metric, hour);
  const winter = local.month >= 11 || local.month <= 3;
  switch (metric) {
    case 'traffic_flow':
    case 'no2':
      return base * (weekend ? 0.7 : 1);
    case 'pm25':
    case 'pm10':
      return base * (winter ? 1.4 : 1) * pmEpisodeFactor(seed, local);
    case 'temperature_c':
      return base + seasonalTemperatureShift(local.month);
    default:
      return base;
  }
}

/** Monthly mean temperature shift from the annual mean (Beijing-like continental climate), °C. */
export function seasonalTemperatureShift(month: number): number {
  return -14 * Math.cos(((month - 1) / 12) * 2 * Math.PI);
}
