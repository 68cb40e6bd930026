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

/**
 * Publishes messages and counts outcomes, bounding unconfirmed messages.
 *
 * It also respects the socket's backpressure. MQTT.js confirms a QoS 0
 * publish at once when the socket took the bytes, and otherwise parks the
 * callback on the stream's `drain` event, one listener per publish
 * (`MqttClient._writePacket`). Publishing on while the socket is full would
 * pile up thousands of `drain` listeners (Node's MaxListenersExceededWarning)
 * and buffer without bound, so `run` waits for the one parked publish to be
 * confirmed before it hands over the next message. Its waits leave no
 * listener behind either (see `nextWakeUp`).
 */
export class FleetPublisher {
  readonly stats: PublishStats = { sent: 0, errors: 0, readings: 0, lastError: null };
  private inFlight = 0;
  /** A QoS 0 publish is waiting for the socket's `drain`: publish nothing more until it fires. */
  private writeBlocked = false;
  private drained: (() => void) | undefined;

  constructor(private readonly client: MqttClient, private readonly qos: 0 | 1, private readonly maxInFlight = 2000) {}

  /** Hands one message to the client; `writeBlocked` tells whether the socket is full after it. */
  publish(message: FleetMessage): void {
    this.inFlight += 1;
    const qos = message.retain ? 1 : this.qos;
    let confirmed = false;
    let parked = false;
    this.client.publish(message.topic, message.payload, { qos, retain: message.retain ?? false }, (error) => {
      confirmed = true;
      this.inFlight -= 1;
      if (parked) this.writeBlocked = false;
      if (error) {
        this.stats.errors += 1;
        this.stats.lastError = error.message;
      } else {
        this.stats.sent += 1;
        this.stats.readings += message.readings;
      }
      if (parked || this.inFlight < this.maxInFlight / 2) this.drained?.();
    });
    // Not confirmed synchronously at QoS 0: the socket is full and the callback waits for `drain`.
    if (qos === 0 && !confirmed) {
      parked = true;
      this.writeBlocked = true;
    }
  }

  /** Whether `run` must wait before the next publish: too many unconfirmed, or the socket is full. */
  private mustWait(): boolean {
    return this.writeBlocked || this.inFlight >= this.maxInFlight;
  }

  /** Resolves when the socket takes bytes again and fewer than the in-flight limit remain (or `all`: none). */
  async settle(all = false, signal?: AbortSignal): Promise<void> {
    while (all ? this.inFlight > 0 : this.mustWait()) {
      if (signal?.aborted && !all) return;
      await this.nextWakeUp(all ? undefined : signal);
    }
  }

  /**
   * Resolves at the next confirmation that may free room, after 50 ms at the
   * latest, or when `signal` aborts, and leaves no timer or listener behind:
   * settle runs once per full socket, thousands of times a minute at 2,000
   * msg/s, and a lingering abort listener per call is an EventTarget leak.
   */
  private nextWakeUp(signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        if (this.drained === done) this.drained = undefined;
        resolve();
      };
      const timer = setTimeout(done, 50);
      this.drained = done;
      signal?.addEventListener('abort', done, { once: true });
    });
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
      for (const message of source.next().messages) {
        if (this.mustWait()) await this.settle(false, options.signal);
        this.publish(message);
      }
      sinceYield += 1;
      // Let socket writes and acks run between bursts.
      if (sinceYield >= 200) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
}
