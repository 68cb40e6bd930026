import { describe, expect, it } from 'vitest';
import { sensorStatus } from './sensor-status';

describe('sensorStatus', () => {
  const now = 1_000_000_000;
  it.each([
    [null, 10_000, 'unknown'],
    [now - 30_000, 10_000, 'online'],
    [now - 30_001, 10_000, 'stale'],
    [now - 100_000, 10_000, 'stale'],
    [now - 100_001, 10_000, 'offline'],
    [now - 170_000, null, 'online'],
    [now - 190_000, null, 'stale'],
  ] as const)('last seen %s with interval %s is %s', (lastSeen, interval, status) => {
    expect(sensorStatus(lastSeen, interval, now)).toBe(status);
  });
});
