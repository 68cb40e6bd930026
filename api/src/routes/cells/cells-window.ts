import { badParameter } from '../../app/http-error';

/** Window used when a request gives no `from`/`to`. */
export const DEFAULT_WINDOW_MS = 24 * 3600 * 1000;
/** Longest window one request may ask for. */
export const MAX_WINDOW_MS = 5 * 366 * 24 * 3600 * 1000;

/** Resolves optional ISO `from`/`to` into epoch ms: the last 24 h by default. */
export function resolveWindow(from: string | undefined, to: string | undefined, nowMs: number): { fromMs: number; toMs: number } {
  const toMs = to === undefined ? nowMs : Date.parse(to);
  const fromMs = from === undefined ? toMs - DEFAULT_WINDOW_MS : Date.parse(from);
  if (Number.isNaN(toMs)) throw badParameter('to', `"${to}" is not an ISO-8601 time`);
  if (Number.isNaN(fromMs)) throw badParameter('from', `"${from}" is not an ISO-8601 time`);
  if (fromMs >= toMs) throw badParameter('from', `from (${new Date(fromMs).toISOString()}) must be before to (${new Date(toMs).toISOString()})`);
  if (toMs - fromMs > MAX_WINDOW_MS) throw badParameter('from', 'the window may span at most 5 years');
  return { fromMs, toMs };
}
