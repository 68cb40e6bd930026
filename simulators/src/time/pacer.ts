/**
 * Maps simulated time onto real time: a simulated instant `tsMs` is due at
 * `realStartMs + (tsMs - simStartMs) / speed`. Speed 1 is live, 60 runs an hour
 * a minute, Infinity runs as fast as the sinks accept.
 */
export class Pacer {
  readonly realStartMs: number;

  constructor(readonly simStartMs: number, readonly speed: number, private readonly now: () => number = Date.now) {
    if (!(speed > 0)) throw new RangeError(`speed must be > 0, got ${speed}`);
    this.realStartMs = now();
  }

  /** Real instant at which simulated `tsMs` is due. */
  realDueMs(tsMs: number): number {
    return this.speed === Infinity ? this.realStartMs : this.realStartMs + (tsMs - this.simStartMs) / this.speed;
  }

  /** Milliseconds to wait before `tsMs` is due (0 when already due). */
  waitMs(tsMs: number): number {
    return Math.max(0, this.realDueMs(tsMs) - this.now());
  }

  /** The simulated instant it is now. */
  simNowMs(): number {
    return this.speed === Infinity ? Number.POSITIVE_INFINITY : this.simStartMs + (this.now() - this.realStartMs) * this.speed;
  }
}

/** Resolves after `ms` or as soon as `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
