import { describe, expect, it } from 'vitest';
import { fromZonedInput, toZonedInput } from './zoned-input';

describe('custom range inputs in the city time', () => {
  it('shows and reads the city wall clock, not the browser one', () => {
    expect(toZonedInput(Date.parse('2026-06-01T00:00:00Z'), 'Asia/Shanghai')).toBe('2026-06-01T08:00');
    expect(toZonedInput(Date.parse('2026-06-01T00:00:00Z'), 'America/New_York')).toBe('2026-05-31T20:00');
    expect(fromZonedInput('2026-06-01T08:00', 'Asia/Shanghai')).toBe(Date.parse('2026-06-01T00:00:00Z'));
    expect(fromZonedInput('2026-06-01', 'Asia/Shanghai')).toBeUndefined();
  });
});
