import { describe, expect, it } from 'vitest';
import { LocalClock } from './local-clock';

describe('LocalClock', () => {
  it('gives Beijing local hour and weekday (UTC+8, no DST)', () => {
    const local = new LocalClock('Asia/Shanghai').at(Date.UTC(2024, 0, 1, 0, 30));
    expect(local.hour).toBeCloseTo(8.5, 6);
    expect(local.weekday).toBe(1);
    expect(local.month).toBe(1);
  });

  it('follows New York daylight saving time', () => {
    const clock = new LocalClock('America/New_York');
    expect(clock.at(Date.UTC(2016, 6, 1, 16)).hour).toBe(12);
    expect(clock.at(Date.UTC(2016, 11, 1, 17)).hour).toBe(12);
  });

  it('turns a local wall-clock time back into an instant', () => {
    expect(new LocalClock('Asia/Shanghai').fromLocal(2013, 3, 1, 0)).toBe(Date.UTC(2013, 1, 28, 16));
    expect(new LocalClock('America/New_York').fromLocal(2016, 6, 21, 4)).toBe(Date.UTC(2016, 5, 21, 8));
  });
});
