/** How the appeals client waits before it sends a refused request again. */
export interface RetryPolicy {
  /** Sends after the first, at most (default 8). */
  maxRetries: number;
  /** First wait without a `Retry-After`, doubled each retry (default 500 ms). */
  baseDelayMs: number;
  /** Longest single wait, whatever the server asks (default 60 s, the rate-limit window). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 8, baseDelayMs: 500, maxDelayMs: 60_000 };

/**
 * Statuses the API answers before a handler runs, so nothing was stored and the same request
 * may be sent again: 429 (over the write rate limit) and 503 (shutting down, or the proxy
 * found no ready API). Anything else is final: an appeal is keyed by an id the server draws,
 * so resending a request that may have been stored could store it twice.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503;
}

/**
 * Milliseconds to wait before retry number `retry` (1 = the first resend): the server's
 * `Retry-After` (delta-seconds or an HTTP date, RFC 9110 section 10.2.3) when it gives one,
 * else `baseDelayMs * 2^(retry-1)`; never more than `maxDelayMs`, never negative.
 * @example retryDelayMs('3', 1, Date.parse('2026-01-01'), DEFAULT_RETRY_POLICY) // 3000
 */
export function retryDelayMs(retryAfter: string | null, retry: number, nowMs: number, policy: RetryPolicy): number {
  const asked = parseRetryAfterMs(retryAfter, nowMs);
  const delay = asked ?? policy.baseDelayMs * 2 ** (retry - 1);
  return Math.min(Math.max(delay, 0), policy.maxDelayMs);
}

function parseRetryAfterMs(value: string | null, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const atMs = Date.parse(text);
  return Number.isNaN(atMs) ? undefined : atMs - nowMs;
}
