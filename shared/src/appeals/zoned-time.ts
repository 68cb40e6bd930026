/** A wall-clock time in some time zone (months 1..12). */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = FORMATTERS.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    FORMATTERS.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in ms (New York in May: -4 h). */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(utcMs)).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * Epoch ms of a wall-clock time in `timeZone` (IANA name). In the hour a DST
 * change skips or repeats, the earlier reading wins.
 * @example localToUtcMs({ year: 2022, month: 5, day: 1, hour: 0, minute: 0, second: 3 }, 'America/New_York') // Date.parse('2022-05-01T04:00:03Z')
 */
export function localToUtcMs(local: LocalDateTime, timeZone: string): number {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const first = naive - zoneOffsetMs(naive, timeZone);
  const second = naive - zoneOffsetMs(first, timeZone);
  return Math.min(first, second);
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** True for a `YYYY-MM` month with month 01..12. */
export function isMonth(text: string): boolean {
  const match = MONTH.exec(text);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** The month before a `YYYY-MM` month. @example previousMonth('2026-01') // '2025-12' */
export function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

/** `[fromMs, toMs)` of a `YYYY-MM` month in `timeZone` (a Beijing month starts at 16:00 UTC the day before). */
export function monthRangeMs(month: string, timeZone: string): { fromMs: number; toMs: number } {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const start = { year, month: number, day: 1, hour: 0, minute: 0, second: 0 };
  const end = number === 12 ? { ...start, year: year + 1, month: 1 } : { ...start, month: number + 1 };
  return { fromMs: localToUtcMs(start, timeZone), toMs: localToUtcMs(end, timeZone) };
}

/** The `YYYY-MM` month that the instant `utcMs` falls in, in `timeZone`. */
export function monthOf(utcMs: number, timeZone: string): string {
  const local = new Date(utcMs + zoneOffsetMs(utcMs, timeZone));
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}
