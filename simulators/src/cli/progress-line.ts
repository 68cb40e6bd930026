import type { CliIo } from './cli-io';

/** Counters a progress line shows. */
export interface ProgressCounts {
  sent: number;
  errors: number;
  readings?: number;
  appeals?: number;
}

/**
 * Prints a live progress line: rewritten in place on a terminal, one line every
 * `everyMs` otherwise (logs, CI). Rate is messages per second over the last tick.
 */
export function startProgressLine(io: CliIo, read: () => ProgressCounts, now: () => number = Date.now, everyMs = 1000): { stop(): void } {
  const tty = io.stdout.isTTY === true;
  let last = { at: now(), sent: read().sent };
  const timer = setInterval(() => {
    const counts = read();
    const at = now();
    const rate = ((counts.sent - last.sent) * 1000) / Math.max(1, at - last.at);
    last = { at, sent: counts.sent };
    io.stdout.write(`${tty ? '\r' : ''}${formatProgress(counts, rate)}${tty ? '   ' : '\n'}`);
  }, tty ? everyMs : everyMs * 5);
  return {
    stop() {
      clearInterval(timer);
      if (tty) io.stdout.write('\n');
    },
  };
}

/** `sent 1200 msgs (4800 readings, 30 appeals), 400 msg/s, 0 errors` */
export function formatProgress(counts: ProgressCounts, ratePerS: number): string {
  const extras = [counts.readings !== undefined ? `${counts.readings} readings` : '', counts.appeals !== undefined ? `${counts.appeals} appeals` : ''].filter(Boolean);
  return `sent ${counts.sent} msgs${extras.length ? ` (${extras.join(', ')})` : ''}, ${Math.round(ratePerS)} msg/s, ${counts.errors} errors`;
}
