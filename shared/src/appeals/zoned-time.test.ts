import { describe, expect, it } from 'vitest';
import { isMonth, localToUtcMs, monthOf, monthRangeMs, previousMonth } from './zoned-time';

describe('localToUtcMs', () => {
  it('reads New York wall-clock times with daylight saving', () => {
    expect(localToUtcMs({ year: 2022, month: 5, day: 1, hour: 0, minute: 0, second: 3 }, 'America/New_York')).toBe(Date.parse('2022-05-01T04:00:03Z'));
    expect(localToUtcMs({ year: 2016, month: 1, day: 22, hour: 16, minute: 51, second: 0 }, 'America/New_York')).toBe(Date.parse('2016-01-22T21:51:00Z'));
  });

  it('reads Beijing times at UTC+8', () => {
    expect(localToUtcMs({ year: 2026, month: 6, day: 1, hour: 8, minute: 0, second: 0 }, 'Asia/Shanghai')).toBe(Date.parse('2026-06-01T00:00:00Z'));
  });

  it('takes the earlier instant in the repeated hour of a DST change', () => {
    expect(localToUtcMs({ year: 2024, month: 11, day: 3, hour: 1, minute: 30, second: 0 }, 'America/New_York')).toBe(Date.parse('2024-11-03T05:30:00Z'));
  });
});

describe('months', () => {
  it('gives the UTC range of a local month', () => {
    expect(monthRangeMs('2026-12', 'Asia/Shanghai')).toEqual({ fromMs: Date.parse('2026-11-30T16:00:00Z'), toMs: Date.parse('2026-12-31T16:00:00Z') });
  });

  it('steps back across a year and validates the format', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-07')).toBe(true);
    expect(monthOf(Date.parse('2026-06-30T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-07');
  });
});
