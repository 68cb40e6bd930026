import type { MqttClient } from 'mqtt';
import type { FleetMessage, FleetSlot } from '../fleet/fleet-messages';
import { pause, type Pacer } from '../time/pacer';

/** Counters of a publishing run. */
export interface PublishStats {
  /** Messages the client confirmed (written for QoS 0, acknowledged for QoS 1). */
  sent: number;
  errors: number;
  readings: number;
  lastError: string | null;
}

/** Anything that hands out timed slots of messages in time order. */
export interface SlotSource {
  peekTsMs(): number;
  next(): FleetSlot;
}

export interface PublishOptions {
  qos: 0 | 1;
  /** Stop after the slot stamped at or after this instant. */
  endMs: number;
  /** Messages handed to the client but not yet confirmed; bounds memory when the broker is slower than the plan. */
  maxInFlight?: number;
  signal?: AbortSignal;
}

/** Publishes messages and counts outcomes, bounding unconfirmed messages. */
export class FleetPublisher {
  readonly stats: PublishStats = { sent: 0, errors: 0, readings: 0, lastError: null };
  private inFlight = 0;
  private drained: (() => void) | undefined;

  constructor(private readonly client: MqttClient, private readonly qos: 0 | 1, private readonly maxInFlight = 2000) {}

  publish(message: FleetMessage): void {
    this.inFlight += 1;
    this.client.publish(message.topic, message.payload, { qos: message.retain ? 1 : this.qos, retain: message.retain ?? false }, (error) => {
      this.inFlight -= 1;
      if (error) {
        this.stats.errors += 1;
        this.stats.lastError = error.message;
      } else {
        this.stats.sent += 1;
        this.stats.readings += message.readings;
      }
      if (this.inFlight < this.maxInFlight / 2) this.drained?.();
    });
  }

  /** Resolves when fewer than half the in-flight limit remain (or `all`: none). */
  async settle(all = false, signal?: AbortSignal): Promise<void> {
    while (all ? this.inFlight > 0 : this.inFlight >= this.maxInFlight) {
      await Promise.race([new Promise<void>((resolve) => (this.drained = resolve)), pause(50, signal)]);
      if (signal?.aborted && !all) return;
    }
  }

  /** Publishes every slot of `source` up to `endMs`, each when the pacer says it is due. */
  async run(source: SlotSource, pacer: Pacer, options: PublishOptions): Promise<void> {
    let sinceYield = 0;
    while (!options.signal?.aborted) {
      const tsMs = source.peekTsMs();
      if (tsMs > options.endMs || tsMs === Infinity) break;
      const waitMs = pacer.waitMs(tsMs);
      if (waitMs > 0) {
        await pause(Math.min(waitMs, 100), options.signal);
        continue;
      }
      if (this.inFlight >= this.maxInFlight) await this.settle(false, options.signal);
      for (const message of source.next().messages) this.publish(message);
      sinceYield += 1;
      // Let socket writes and acks run between bursts.
      if (sinceYield >= 200) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
}
