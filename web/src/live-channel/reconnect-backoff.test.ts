import { describe, expect, it } from 'vitest';
import { RECONNECT_MAX_MS, reconnectDelayMs } from './reconnect-backoff';

describe('reconnectDelayMs', () => {
  it('doubles from half a second, with the random half between ceiling/2 and the ceiling', () => {
    expect([0, 1, 2, 3].map((attempt) => reconnectDelayMs(attempt, () => 1))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((attempt) => reconnectDelayMs(attempt, () => 0))).toEqual([250, 500, 1000, 2000]);
  });

  it('retries at least every 5 s after any outage, so a wall recovers within seconds of the API', () => {
    expect(RECONNECT_MAX_MS).toBeLessThanOrEqual(5_000);
    for (let attempt = 0; attempt < 40; attempt += 1) expect(reconnectDelayMs(attempt, () => 1)).toBeLessThanOrEqual(5_000);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(reconnectDelayMs(50, () => 1)).toBe(RECONNECT_MAX_MS);
    expect(reconnectDelayMs(50, () => 0)).toBe(RECONNECT_MAX_MS / 2);
  });
});
