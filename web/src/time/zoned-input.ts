import { localToUtcMs, zoneOffsetMs } from '@citytwin/shared';

/**
 * A `datetime-local` input's value (`YYYY-MM-DDTHH:mm`) for an instant, as
 * the city's wall clock shows it (not the browser's).
 * @example toZonedInput(Date.parse('2026-06-01T00:00:00Z'), 'Asia/Shanghai') // '2026-06-01T08:00'
 */
export function toZonedInput(epochMs: number, timeZone: string): string {
  return new Date(epochMs + zoneOffsetMs(epochMs, timeZone)).toISOString().slice(0, 16);
}

const INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a `datetime-local` value names on the city's wall clock, or undefined if it is not one.
 * @example fromZonedInput('2026-06-01T08:00', 'Asia/Shanghai') // Date.parse('2026-06-01T00:00:00Z')
 */
export function fromZonedInput(value: string, timeZone: string): number | undefined {
  const match = INPUT.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  return localToUtcMs({ year, month, day, hour, minute, second: 0 }, timeZone);
}
