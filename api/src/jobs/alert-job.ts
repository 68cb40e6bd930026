import type { Logger } from 'pino';
import { CHANGE_CHANNELS, findAlertWatermark, findNewestDataMs, listenForChanges, saveAlertWatermark, type Store } from '@citytwin/store';
import type { AlertSettings } from '../config/config';
import { bucketMsOf, evaluateAlerts, type EvaluationResult } from './evaluate-alerts';

/** The first pass of an empty watermark looks this far back from the newest data. */
export const FIRST_PASS_MS = 24 * 3_600_000;

export interface AlertJobOptions {
  store: Store;
  settings: AlertSettings;
  logger: Logger;
  /** How often a pass runs; default 15 s for 5-minute buckets, 60 s for hourly ones. */
  intervalMs?: number;
}

/**
 * The early-warning job: each pass evaluates every bucket that received data
 * since the last one. Its watermark is data time — the start of the newest
 * bucket holding a reading or an appeal — never the wall clock, so a replay
 * or late data raises alerts at their own times. Data arriving for buckets
 * older than the watermark (late readings, imported appeals) is announced on
 * the change channels and widens the next pass back to it.
 */
export class AlertJob {
  private timer: ReturnType<typeof setInterval> | undefined;
  private stopListening: Array<() => Promise<void>> = [];
  private chain: Promise<unknown> = Promise.resolve();
  /** The earliest data time announced since the last pass. */
  private lateFromMs = Infinity;
  readonly bucketMs: number;

  constructor(private readonly options: AlertJobOptions) {
    this.bucketMs = bucketMsOf(options.settings);
  }

  async start(): Promise<void> {
    const { store } = this.options;
    const note = (fromMs: number) => {
      if (Number.isFinite(fromMs)) this.lateFromMs = Math.min(this.lateFromMs, fromMs);
    };
    this.stopListening.push(await listenForChanges(store.db, CHANGE_CHANNELS.readings, (change) => note(change.fromMs)));
    this.stopListening.push(await listenForChanges(store.db, CHANGE_CHANNELS.appeals, (change) => {
      if (change.kind === 'received') note(change.fromMs);
    }));
    const intervalMs = this.options.intervalMs ?? (this.options.settings.bucket === '5m' ? 15_000 : 60_000);
    this.timer = setInterval(() => void this.runPass().catch((error: unknown) => this.options.logger.error({ err: error }, 'alert pass failed')), intervalMs);
  }

  /** One pass: from the watermark (or the late data announced) to the newest data. */
  runPass(): Promise<EvaluationResult | null> {
    return this.serialise(async () => {
      const { store, settings } = this.options;
      const newestMs = await findNewestDataMs(store.db);
      if (newestMs === null) return null;
      const bucketS = this.bucketMs / 1000;
      const watermarkMs = await findAlertWatermark(store.db, bucketS);
      const fromMs = Math.min(watermarkMs ?? newestMs - FIRST_PASS_MS, this.lateFromMs);
      this.lateFromMs = Infinity;
      const result = await evaluateAlerts(store.db, settings, fromMs, newestMs + 1);
      await saveAlertWatermark(store.db, bucketS, Math.floor(newestMs / this.bucketMs) * this.bucketMs);
      if (result.opened + result.updated + result.closed > 0) this.options.logger.info(result, `alerts: ${result.opened} opened, ${result.updated} updated, ${result.closed} closed`);
      return result;
    });
  }

  /** Re-evaluates [fromMs, toMs) regardless of the watermark (`POST /api/alerts/recompute`). */
  recompute(fromMs: number, toMs: number): Promise<EvaluationResult> {
    return this.serialise(() => evaluateAlerts(this.options.store.db, this.options.settings, fromMs, toMs));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const stop of this.stopListening.splice(0)) await stop();
    await this.chain.catch(() => undefined);
  }

  private serialise<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }
}
