import { describe, expect, it } from 'vitest';
import { avoidPendingHours, rollupRanges, type RollupRange } from './rollup-ranges';

const FIVE = 300_000;
const at = (iso: string) => Date.parse(iso);

/** The 5-minute bucket starts a set of ranges stands for, each once. */
function fiveMinuteStarts(ranges: readonly RollupRange[]): number[] {
  const starts: number[] = [];
  for (const range of ranges) {
    for (let bucket = range.fromMs; bucket < range.toMs; bucket += range.widthS * 1000) {
      for (let five = bucket; five < bucket + range.widthS * 1000; five += FIVE) starts.push(five);
    }
  }
  return starts.sort((a, b) => a - b);
}

describe('rollupRanges', () => {
  it('splits a window into 5-minute edges, whole hours and whole days', () => {
    expect(rollupRanges(at('2026-06-01T10:07:00Z'), at('2026-06-03T01:02:00Z'))).toEqual([
      { widthS: 300, fromMs: at('2026-06-01T10:10:00Z'), toMs: at('2026-06-01T11:00:00Z') },
      { widthS: 3600, fromMs: at('2026-06-01T11:00:00Z'), toMs: at('2026-06-02T00:00:00Z') },
      { widthS: 86400, fromMs: at('2026-06-02T00:00:00Z'), toMs: at('2026-06-03T00:00:00Z') },
      { widthS: 3600, fromMs: at('2026-06-03T00:00:00Z'), toMs: at('2026-06-03T01:00:00Z') },
      { widthS: 300, fromMs: at('2026-06-03T01:00:00Z'), toMs: at('2026-06-03T01:05:00Z') },
    ]);
  });

  it('uses hours alone inside one day and 5 minutes alone inside one hour', () => {
    expect(rollupRanges(at('2026-06-01T10:00:00Z'), at('2026-06-01T14:00:00Z'))).toEqual([{ widthS: 3600, fromMs: at('2026-06-01T10:00:00Z'), toMs: at('2026-06-01T14:00:00Z') }]);
    expect(rollupRanges(at('2026-06-01T10:05:00Z'), at('2026-06-01T10:55:00Z'))).toEqual([{ widthS: 300, fromMs: at('2026-06-01T10:05:00Z'), toMs: at('2026-06-01T10:55:00Z') }]);
    // No 5-minute bucket starts in 10:01-10:04.
    expect(rollupRanges(at('2026-06-01T10:01:00Z'), at('2026-06-01T10:04:00Z'))).toEqual([]);
    expect(rollupRanges(at('2026-06-01T00:00:00Z'), at('2026-06-02T00:00:00Z'))).toEqual([{ widthS: 86400, fromMs: at('2026-06-01T00:00:00Z'), toMs: at('2026-06-02T00:00:00Z') }]);
  });

  it('always stands for exactly the 5-minute buckets starting in the window, each once', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 300; trial += 1) {
      const fromMs = at('2026-05-28T00:00:00Z') + Math.floor(random() * 5 * 86_400_000);
      const toMs = fromMs + Math.floor(random() * (trial % 3 === 0 ? 7_200_000 : 4 * 86_400_000));
      const expected: number[] = [];
      for (let five = Math.ceil(fromMs / FIVE) * FIVE; five < toMs; five += FIVE) expected.push(five);
      expect(fiveMinuteStarts(rollupRanges(fromMs, toMs))).toEqual(expected);
    }
  });
});

describe('avoidPendingHours', () => {
  const day = at('2026-06-02T00:00:00Z');
  const window = rollupRanges(at('2026-06-01T10:07:00Z'), at('2026-06-03T01:02:00Z'));

  it('reads a day holding a pending hour as hours, and that hour as 5-minute buckets', () => {
    expect(avoidPendingHours([{ widthS: 86400, fromMs: day, toMs: day + 86_400_000 }], [at('2026-06-02T01:00:00Z')])).toEqual([
      { widthS: 3600, fromMs: day, toMs: at('2026-06-02T01:00:00Z') },
      { widthS: 300, fromMs: at('2026-06-02T01:00:00Z'), toMs: at('2026-06-02T02:00:00Z') },
      { widthS: 3600, fromMs: at('2026-06-02T02:00:00Z'), toMs: at('2026-06-03T00:00:00Z') },
    ]);
  });

  it('joins a pending hour next to the 5-minute edge with it', () => {
    expect(avoidPendingHours(window, [at('2026-06-01T11:00:00Z'), at('2026-06-03T00:00:00Z')])).toEqual([
      { widthS: 300, fromMs: at('2026-06-01T10:10:00Z'), toMs: at('2026-06-01T12:00:00Z') },
      { widthS: 3600, fromMs: at('2026-06-01T12:00:00Z'), toMs: at('2026-06-02T00:00:00Z') },
      { widthS: 86400, fromMs: day, toMs: at('2026-06-03T00:00:00Z') },
      { widthS: 300, fromMs: at('2026-06-03T00:00:00Z'), toMs: at('2026-06-03T01:05:00Z') },
    ]);
  });

  it('ignores pending hours outside the ranges and leaves the ranges alone without any', () => {
    expect(avoidPendingHours(window, [at('2026-05-01T00:00:00Z'), at('2026-07-01T00:00:00Z')])).toEqual(window);
    expect(avoidPendingHours(window, [])).toEqual(window);
  });

  it('stands for the same 5-minute buckets, each once, whichever hours are pending', () => {
    let state = 7;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 50; trial += 1) {
      const from = at('2026-06-01T00:00:00Z') + Math.floor(random() * 2000) * FIVE;
      const to = from + Math.floor(random() * 3000) * FIVE;
      const ranges = rollupRanges(from, to);
      const pending = Array.from({ length: 1 + Math.floor(random() * 6) }, () => at('2026-06-01T00:00:00Z') + Math.floor(random() * 400) * 3_600_000);
      const avoided = avoidPendingHours(ranges, pending);
      expect(fiveMinuteStarts(avoided)).toEqual(fiveMinuteStarts(ranges));
      for (const range of avoided) {
        if (range.widthS === 300) continue;
        for (const hour of pending) expect(hour >= range.fromMs && hour < range.toMs).toBe(false);
      }
    }
  });
});
