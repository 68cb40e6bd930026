import { describe, expect, it } from 'vitest';
import { rollupRanges, type RollupRange } from './rollup-ranges';

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
