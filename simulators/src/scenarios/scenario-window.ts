import { LocalClock } from '../time/local-clock';

const HOUR_MS = 3_600_000;

/**
 * The simulated window of a scenario: `durationHours` long, starting at local
 * time `start` ("HH:MM") on the latest day on which it ends by `nowMs`, or
 * ending at `nowMs` when no start is given. Keeping the window in the past lets
 * a run go at any speed without stamping readings in the future.
 *
 * @example scenarioWindow('22:00', 8, now, 'Asia/Shanghai') // last night 22:00 to 06:00
 */
export function scenarioWindow(start: string | undefined, durationHours: number, nowMs: number, timeZone: string): { fromMs: number; toMs: number } {
  const durationMs = durationHours * HOUR_MS;
  if (!start) return { fromMs: nowMs - durationMs, toMs: nowMs };
  const [hour, minute] = start.split(':').map(Number) as [number, number];
  const clock = new LocalClock(timeZone);
  const today = new Date(nowMs + clock.offsetMs(nowMs));
  for (let back = 0; back < 20; back += 1) {
    const fromMs = clock.fromLocal(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate() - back, hour, minute);
    if (fromMs + durationMs <= nowMs) return { fromMs, toMs: fromMs + durationMs };
  }
  throw new RangeError(`no window of ${durationHours} h starting at ${start} ends before now`);
}
