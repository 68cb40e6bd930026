import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelayMs } from './retry-after';

const NOW = Date.parse('2026-12-01T12:00:00Z');

describe('retryDelayMs', () => {
  it('honours Retry-After in seconds and as an HTTP date', () => {
    expect(retryDelayMs('3', 1, NOW, DEFAULT_RETRY_POLICY)).toBe(3000);
    expect(retryDelayMs(' 0 ', 4, NOW, DEFAULT_RETRY_POLICY)).toBe(0);
    expect(retryDelayMs('Tue, 01 Dec 2026 12:00:07 GMT', 1, NOW, DEFAULT_RETRY_POLICY)).toBe(7000);
    expect(retryDelayMs('Tue, 01 Dec 2026 11:59:00 GMT', 1, NOW, DEFAULT_RETRY_POLICY)).toBe(0);
  });

  it('backs off exponentially without one (or with one it cannot read), capped', () => {
    expect([1, 2, 3, 4].map((retry) => retryDelayMs(null, retry, NOW, DEFAULT_RETRY_POLICY))).toEqual([500, 1000, 2000, 4000]);
    expect(retryDelayMs('soon', 2, NOW, DEFAULT_RETRY_POLICY)).toBe(1000);
    expect(retryDelayMs(null, 20, NOW, DEFAULT_RETRY_POLICY)).toBe(60_000);
    expect(retryDelayMs('3600', 1, NOW, DEFAULT_RETRY_POLICY)).toBe(60_000);
  });

  it('retries only what the API refused before storing anything', () => {
    expect([429, 503].every(isRetryableStatus)).toBe(true);
    expect([201, 400, 401, 409, 413, 500, 502, 504].some(isRetryableStatus)).toBe(false);
  });
});
