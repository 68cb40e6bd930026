/** The span over which readings per second are averaged. */
export const READING_RATE_SPAN_MS = 60_000;

/**
 * Readings stored per second over the last minute, from the counts of the
 * batches ingest announced (every API instance hears the same announcements,
 * so every instance reports the same rate).
 */
export class ReadingRate {
  private readonly batches: Array<{ atMs: number; count: number }> = [];

  /** A batch of `count` readings was announced at `atMs`. */
  add(atMs: number, count: number): void {
    this.batches.push({ atMs, count });
    this.forget(atMs);
  }

  /** Mean readings per second over the span before `nowMs`. */
  perSecond(nowMs: number): number {
    this.forget(nowMs);
    let total = 0;
    for (const batch of this.batches) total += batch.count;
    return total / (READING_RATE_SPAN_MS / 1000);
  }

  private forget(nowMs: number): void {
    while (this.batches.length > 0 && this.batches[0]!.atMs <= nowMs - READING_RATE_SPAN_MS) this.batches.shift();
  }
}
