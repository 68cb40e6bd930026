import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Page } from 'playwright-core';

/** p-th percentile (nearest rank) of ascending `sorted`; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const summary = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const late = values.filter((value) => value > 2000).length;
  return `p50 ${Math.round(percentile(sorted, 50))} ms, p99 ${Math.round(percentile(sorted, 99))} ms, max ${Math.round(sorted[sorted.length - 1] ?? NaN)} ms, ${late} of ${values.length} over 2 s`;
};

/** What the stage probe has counted so far. */
export interface IngestFigures {
  readingsStored: number;
  pending: number;
  backpressure: boolean;
}

/**
 * Where publish-to-drawn time goes, measured on the way: from a reading's
 * time (the fleet publishes it then) to the server building the delta that
 * carries it (`asOf`), and to the frame reaching the page's socket (frames
 * seen through the DevTools protocol); the drawn lag comes from the page
 * handle. Also the event-loop delay of this process, which hosts the API
 * (and, in the all-in-one layout, ingest and the store), and ingest's pace.
 */
export class WallStages {
  private readonly built: number[] = [];
  private readonly received: number[] = [];
  private readonly loop = monitorEventLoopDelay({ resolution: 20 });
  private startedMs = Date.now();
  private storedAtStart: number;

  constructor(page: Page, private readonly ingest: (() => IngestFigures) | undefined, private readonly apiInProcess: boolean) {
    this.loop.enable();
    this.storedAtStart = ingest?.().readingsStored ?? 0;
    page.on('websocket', (socket) => {
      if (!socket.url().includes('/api/live')) return;
      socket.on('framereceived', (frame) => this.onFrame(frame.payload));
    });
  }

  /** Forgets the warm-up: figures from now on. */
  restart(): void {
    this.built.length = 0;
    this.received.length = 0;
    this.loop.reset();
    this.startedMs = Date.now();
    this.storedAtStart = this.ingest?.().readingsStored ?? 0;
  }

  private onFrame(payload: string | Buffer): void {
    const text = typeof payload === 'string' ? payload : payload.toString();
    // Only deltas matter here; snapshots can be large, so skip parsing anything else.
    if (!text.startsWith('{"type":"delta"')) return;
    const nowMs = Date.now();
    const delta = JSON.parse(text) as { asOf: string; latestChangeAt: string };
    const changeMs = Date.parse(delta.latestChangeAt);
    this.built.push(Date.parse(delta.asOf) - changeMs);
    this.received.push(nowMs - changeMs);
  }

  /** One line per stage, for stderr. */
  report(): string[] {
    const ms = (ns: number) => Math.round(ns / 1e6);
    const lines = [
      `reading -> delta built (MQTT, ingest batch and commit, NOTIFY, the 1 s delta pace, the read): ${summary(this.built)}`,
      `reading -> delta frame at the page's socket: ${summary(this.received)}`,
    ];
    if (this.apiInProcess) lines.push(`event-loop delay of the API process: p50 ${ms(this.loop.percentile(50))} ms, p99 ${ms(this.loop.percentile(99))} ms, max ${ms(this.loop.max)} ms`);
    const figures = this.ingest?.();
    if (figures) {
      const perS = (figures.readingsStored - this.storedAtStart) / ((Date.now() - this.startedMs) / 1000);
      lines.push(`ingest: ${Math.round(perS)} readings/s stored, ${figures.pending} pending, backpressure ${figures.backpressure}`);
    }
    return lines;
  }

  stop(): void {
    this.loop.disable();
  }
}
