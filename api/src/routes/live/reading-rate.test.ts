import { describe, expect, it } from 'vitest';
import { ReadingRate } from './reading-rate';
import { localDayRangeMs } from './local-day';

describe('ReadingRate', () => {
  it('averages the announced readings of the last minute per second, forgetting older batches', () => {
    const rate = new ReadingRate();
    rate.add(0, 600);
    rate.add(30_000, 1200);
    expect(rate.perSecond(30_000)).toBe(30);
    // At 60 s the first batch is exactly a minute old and no longer counts.
    expect(rate.perSecond(60_000)).toBe(20);
    expect(rate.perSecond(200_000)).toBe(0);
  });
});

describe('localDayRangeMs', () => {
  it('gives the Beijing day (UTC+8) of an evening in UTC', () => {
    expect(localDayRangeMs(Date.parse('2026-06-01T20:00:00Z'), 'Asia/Shanghai')).toEqual({
      fromMs: Date.parse('2026-06-01T16:00:00Z'), toMs: Date.parse('2026-06-02T16:00:00Z'),
    });
  });

  it('gives a 23-hour day in New York when the clocks go forward', () => {
    const { fromMs, toMs } = localDayRangeMs(Date.parse('2026-03-08T15:00:00Z'), 'America/New_York');
    expect(fromMs).toBe(Date.parse('2026-03-08T05:00:00Z'));
    expect(toMs).toBe(Date.parse('2026-03-09T04:00:00Z'));
  });
});
