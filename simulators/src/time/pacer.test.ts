import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer';

describe('Pacer', () => {
  it('maps simulated time to real time at the given speed', () => {
    let now = 1_000;
    const pacer = new Pacer(50_000, 60, () => now);
    expect(pacer.realDueMs(50_000 + 60_000)).toBe(2_000); // a simulated minute is due a real second later
    now = 1_500;
    expect(pacer.waitMs(50_000 + 60_000)).toBe(500);
    expect(pacer.simNowMs()).toBe(50_000 + 30_000);
  });

  it('makes everything due at once at speed max', () => {
    const pacer = new Pacer(0, Infinity, () => 7);
    expect(pacer.waitMs(1e12)).toBe(0);
  });

  it('refuses a speed that is not positive', () => {
    expect(() => new Pacer(0, 0)).toThrow(RangeError);
  });
});
