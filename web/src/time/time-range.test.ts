import { describe, expect, it } from 'vitest';
import { isLiveWindow, isTimeBound, resolveBound, resolveWindow } from './time-range';

const NOW = Date.parse('2026-06-01T12:00:00Z');

describe('time bounds', () => {
  it('resolves the presets against the clock', () => {
    expect(resolveBound('now', NOW)).toBe(NOW);
    expect(resolveBound('now-1h', NOW)).toBe(NOW - 3_600_000);
    expect(resolveBound('now-24h', NOW)).toBe(NOW - 86_400_000);
    expect(resolveBound('now-7d', NOW)).toBe(NOW - 7 * 86_400_000);
    expect(resolveBound('now-30m', NOW)).toBe(NOW - 1_800_000);
  });

  it('reads an ISO instant with its zone as a custom bound', () => {
    expect(resolveBound('2026-06-01T08:00:00+08:00', NOW)).toBe(Date.parse('2026-06-01T00:00:00Z'));
    expect(isTimeBound('2026-06-01T08:00+08:00')).toBe(true);
    expect(isTimeBound('2026-06-01T08:00:00')).toBe(false);
    expect(isTimeBound('now-5w')).toBe(false);
  });

  it('turns a reversed custom range into the hour before its end', () => {
    expect(resolveWindow('2026-06-02T00:00:00Z', '2026-06-01T00:00:00Z', NOW)).toEqual({
      fromMs: Date.parse('2026-05-31T23:00:00Z'), toMs: Date.parse('2026-06-01T00:00:00Z'),
    });
  });

  it('knows a window ending now moves with the clock', () => {
    expect(isLiveWindow('now')).toBe(true);
    expect(isLiveWindow('2026-06-01T00:00:00Z')).toBe(false);
  });
});
