import type { MqttClient } from 'mqtt';
import type { SimulatedSensor } from '../fleet/fleet-layout';
import { metaMessages } from '../fleet/fleet-messages';
import { FleetPublisher, type PublishStats } from '../mqtt/fleet-publisher';
import { Pacer } from '../time/pacer';
import { ReplaySource, type RecordedRow } from './replay-source';

export interface ReplayOptions {
  topicPrefix: string;
  /** Recorded seconds per real second; Infinity = as fast as the broker takes. */
  speed: number;
  /** Added to every timestamp (e.g. to make the replay end now). */
  shiftMs: number;
  /** Interval announced in the sensors' meta messages. */
  intervalMs: number;
  qos?: 0 | 1;
  signal?: AbortSignal;
  /** Handed the live counters at the start (for a progress line). */
  observe?: (stats: PublishStats) => void;
}

/**
 * Replays recorded rows (sorted by time) over MQTT: a retained meta message per
 * sensor (with its real name), then each row at its (shifted) timestamp, paced.
 */
export async function replayRows(client: MqttClient, sensors: ReadonlyArray<SimulatedSensor & { name?: string }>, rows: readonly RecordedRow[], options: ReplayOptions): Promise<PublishStats> {
  const qos = options.qos ?? 1;
  const publisher = new FleetPublisher(client, qos);
  const meta = metaMessages(sensors, options.intervalMs, options.topicPrefix).map((message, index) => {
    const named = sensors[index]!;
    return named.name ? { ...message, payload: JSON.stringify({ ...JSON.parse(message.payload), name: named.name }) } : message;
  });
  for (const message of meta) publisher.publish(message);
  await publisher.settle(true, options.signal);
  const metaSent = publisher.stats.sent;
  options.observe?.(publisher.stats);
  const source = new ReplaySource(rows, options.topicPrefix, options.shiftMs);
  const first = source.peekTsMs();
  if (first !== Infinity) {
    await publisher.run(source, new Pacer(first, options.speed), { qos, endMs: Infinity, signal: options.signal });
  }
  await publisher.settle(true);
  return { ...publisher.stats, sent: publisher.stats.sent - metaSent };
}

/** The shift that moves the last row to `nowMs` (0 when there are no rows). */
export function shiftToNow(rows: ReadonlyArray<{ tsMs: number }>, nowMs: number): number {
  const last = rows[rows.length - 1];
  return last ? nowMs - last.tsMs : 0;
}
