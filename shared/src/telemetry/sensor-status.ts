import type { SensorStatus } from '../types';

/** A sensor silent for more than this many usual intervals is `stale`. */
export const STALE_AFTER_INTERVALS = 3;
/** A sensor silent for more than this many usual intervals is `offline`. */
export const OFFLINE_AFTER_INTERVALS = 10;
/** The interval assumed for sensors that never declared one (the simulator's default). */
export const DEFAULT_SENSOR_INTERVAL_MS = 60_000;

/**
 * Health of one sensor from its silence: `online` up to 3x its usual reporting
 * interval, `stale` up to 10x, `offline` beyond, `unknown` before its first reading.
 * @example sensorStatus(now - 200_000, 60_000, now) // 'stale'
 */
export function sensorStatus(lastSeenMs: number | null, intervalMs: number | null, nowMs: number): SensorStatus {
  if (lastSeenMs === null) return 'unknown';
  const silentMs = nowMs - lastSeenMs;
  const interval = intervalMs && intervalMs > 0 ? intervalMs : DEFAULT_SENSOR_INTERVAL_MS;
  if (silentMs <= STALE_AFTER_INTERVALS * interval) return 'online';
  if (silentMs <= OFFLINE_AFTER_INTERVALS * interval) return 'stale';
  return 'offline';
}
