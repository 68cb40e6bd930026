/** First reconnect delay. */
export const RECONNECT_BASE_MS = 500;
/**
 * Longest wait between reconnect attempts: a wall is back within 4 s of the
 * API's return, however long the outage. A reconnect is one cheap upgrade
 * request, so even hundreds of walls retrying every 2-4 s load a recovering
 * API far less than their snapshots will.
 */
export const RECONNECT_MAX_MS = 4_000;

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential from 0.5 s,
 * capped at 4 s, with "equal jitter" (half fixed, half random) so many walls
 * do not reconnect in step after an outage (AWS Architecture Blog,
 * "Exponential Backoff And Jitter", 2015).
 * @example reconnectDelayMs(0, () => 0) // 250
 * @example reconnectDelayMs(10, () => 1) // 4000
 */
export function reconnectDelayMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
