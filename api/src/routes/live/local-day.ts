import { localToUtcMs, zoneOffsetMs } from '@citytwin/shared';

const DAY_MS = 86_400_000;

/**
 * The city's local day containing `nowMs`, as epoch ms [fromMs, toMs).
 * @example localDayRangeMs(Date.parse('2026-06-01T20:00:00Z'), 'Asia/Shanghai') // 2026-06-02 00:00 to 24:00 +08:00
 */
export function localDayRangeMs(nowMs: number, timeZone: string): { fromMs: number; toMs: number } {
  const local = new Date(nowMs + zoneOffsetMs(nowMs, timeZone));
  const date = { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
  const fromMs = localToUtcMs({ ...date, hour: 0, minute: 0, second: 0 }, timeZone);
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day) + DAY_MS);
  const toMs = localToUtcMs({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0, second: 0 }, timeZone);
  return { fromMs, toMs };
}
