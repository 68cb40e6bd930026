import { describe, expect, it } from 'vitest';
import { alignSteps, stepStarts } from './time-steps';

describe('alignSteps', () => {
  it('covers a window with whole UTC hours, days and Monday weeks', () => {
    const from = Date.parse('2026-06-03T10:30:00Z'); // a Wednesday
    expect(alignSteps(from, Date.parse('2026-06-03T12:00:00Z'), 'hour')).toEqual({ originMs: Date.parse('2026-06-03T10:00:00Z'), stepMs: 3_600_000, steps: 2 });
    expect(alignSteps(from, Date.parse('2026-06-05T00:00:01Z'), 'day')).toEqual({ originMs: Date.parse('2026-06-03T00:00:00Z'), stepMs: 86_400_000, steps: 3 });
    const weeks = alignSteps(from, Date.parse('2026-06-16T00:00:00Z'), 'week');
    expect(stepStarts(weeks)).toEqual(['2026-06-01T00:00:00.000Z', '2026-06-08T00:00:00.000Z', '2026-06-15T00:00:00.000Z']);
  });
});
