/**
 * One end of the time window as the URL carries it: `now`, `now-<n><m|h|d>`
 * (relative, Grafana-style, so a bookmarked "last 24 h" stays the last 24 h) or
 * an ISO-8601 instant (a custom range).
 */
export type TimeBound = string;

/** The presets of the time bar, newest window first. */
export const TIME_PRESETS = ['now-1h', 'now-24h', 'now-7d', 'now-30d'] as const;

const RELATIVE = /^now(?:-(\d+)([mhd]))?$/;
const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for `now`, `now-24h`-style or an ISO-8601 instant with a zone. */
export function isTimeBound(text: string): boolean {
  return RELATIVE.test(text) || (ISO.test(text) && Number.isFinite(Date.parse(text)));
}

/**
 * Epoch ms of a bound at `nowMs`.
 * @example resolveBound('now-1h', Date.parse('2026-06-01T12:00:00Z')) // Date.parse('2026-06-01T11:00:00Z')
 */
export function resolveBound(bound: TimeBound, nowMs: number): number {
  const relative = RELATIVE.exec(bound);
  if (relative) return relative[1] ? nowMs - Number(relative[1]) * UNIT_MS[relative[2]!]! : nowMs;
  return Date.parse(bound);
}

/** A resolved window `[fromMs, toMs)`. */
export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

/**
 * The window of two bounds at `nowMs`; a reversed or empty custom range falls
 * back to the hour before `to`, so the page never asks the api for nothing.
 */
export function resolveWindow(from: TimeBound, to: TimeBound, nowMs: number): TimeWindow {
  const toMs = resolveBound(to, nowMs);
  const fromMs = resolveBound(from, nowMs);
  return fromMs < toMs ? { fromMs, toMs } : { fromMs: toMs - UNIT_MS['h']!, toMs };
}

/** True when the window moves with the clock (its end is `now`). */
export function isLiveWindow(to: TimeBound): boolean {
  return RELATIVE.test(to);
}
