import { describe, expect, it } from 'vitest';
import { classifyEmergingPattern, EMERGING_PATTERNS, type EmergingPattern } from './emerging-patterns';
import { mannKendall } from './mann-kendall';

/** Ten steps of Gi* z-scores per pattern; a bin is significant at |z| >= 1.645 (90 %, two-sided: 1.645 is p = 0.1). */
const HOT_SERIES: Record<string, number[]> = {
  // hot only at the final step
  new: [0, 0.5, 0, -0.5, 0, 0, 0.3, 0, 0, 2],
  // one run of three hot bins at the end, never hot before, 3/10 < 90 %
  consecutive: [0, 0, 0, 0.4, 0, 0, 0, 2, 2.5, 3],
  // hot throughout and rising: S = 45, z = 3.94
  intensifying: [2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9],
  // hot throughout, no trend: S = 1, z = 0
  persistent: [3, 2, 3, 2, 3, 2, 3, 2, 3, 2.5],
  // hot throughout and falling
  diminishing: [3.9, 3.8, 3.7, 3.6, 3.5, 3.4, 3.3, 3.2, 3.1, 3],
  // hot on and off, never cold, 3/10 hot
  sporadic: [2, 0, 0, 2, 0, 0, 0, 0, 0, 2],
  // hot at the end, cold at step 1, hot at step 3
  oscillating: [0, -2, 0, 2, 0, 0, 0, 0, 0, 2],
  // hot in 9 of 10 steps, not at the last
  historical: [2, 2, 2, 2, 2, 2, 2, 2, 2, 0],
};

const binsOf = (z: number[]) => z.map((value) => (value >= 1.645 ? 1 : value <= -1.645 ? -1 : 0));
const classify = (z: number[]) => classifyEmergingPattern(binsOf(z), mannKendall(z));

describe('classifyEmergingPattern', () => {
  it('knows 17 patterns', () => {
    expect(new Set(EMERGING_PATTERNS).size).toBe(17);
  });

  it.each(Object.entries(HOT_SERIES))('classifies a hand-made %s hot spot and its mirror image as the cold one', (kind, z) => {
    expect(classify(z)).toBe(`${kind}_hot` as EmergingPattern);
    expect(classify(z.map((value) => -value))).toBe(`${kind}_cold` as EmergingPattern);
  });

  it('finds no pattern when the final step is quiet and the past not mostly hot', () => {
    expect(classify([0, 0, 2, 0, 0, -2, 0, 0, 0, 0])).toBe('no_pattern');
    expect(classifyEmergingPattern([], { z: 0, p: 1 })).toBe('no_pattern');
  });

  it('applies the 90 % rule to all steps: 8 of 10 hot, the last included, is sporadic, not persistent', () => {
    expect(classify([2, 2, 0, 2, 2, 0, 2, 2, 2, 2])).toBe('sporadic_hot');
    expect(classify([0, 2, 2, 2, 2, 2, 2, 2, 2, 2])).toBe('persistent_hot');
  });

  it('lets the final step decide between a hot past and a cold present (new cold, not historical hot)', () => {
    expect(classify([2, 2, 2, 2, 2, 2, 2, 2, 2, -2])).toBe('new_cold');
    expect(classify([2, 2, 2, 2, 2, 2, 2, -2, 0, -2])).toBe('oscillating_cold');
  });

  it('needs a significant trend for intensifying: a weak rise stays persistent', () => {
    const weakRise = [2, 2.2, 2, 2.2, 2, 2.2, 2.1, 2.2, 2.1, 2.2];
    expect(mannKendall(weakRise).p).toBeGreaterThan(0.1);
    expect(classify(weakRise)).toBe('persistent_hot');
  });
});
