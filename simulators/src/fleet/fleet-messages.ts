import { metaTopic, telemetryTopic } from '@citytwin/shared';
import { SeededRandom } from '../random/seeded-random';
import { LocalClock } from '../time/local-clock';
import type { SimulatedSensor } from './fleet-layout';
import { encodeNative, encodeSenml, type PayloadFormat, type Sample } from './payload-encoding';
import { sampleValues, type ValueEffect } from './sample-values';
import { FaultInjector, NO_FAULTS, malformedPayload, type FaultRates } from './sensor-faults';

/** One MQTT message to publish. */
export interface FleetMessage {
  topic: string;
  payload: string;
  /** New readings the message carries (0 for a malformed one or a duplicate's second copy). */
  readings: number;
  retain?: boolean;
}

/** How a fleet reports: who, how often, in which format, from when. */
export interface FleetPlan {
  sensors: readonly SimulatedSensor[];
  seed: number;
  timeZone: string;
  /** Each sensor publishes once per period, the fleet spread evenly across it. */
  periodMs: number;
  /** Timestamp of the first report of the first sensor (epoch ms). */
  startMs: number;
  format: PayloadFormat;
  /** Samples per SenML pack, spread over the period (native: always 1). */
  pack: number;
  topicPrefix: string;
  faults?: FaultRates;
  effect?: ValueEffect;
}

/** The next report slot: its timestamp and its messages (none for a dropout, two for a duplicate). */
export interface FleetSlot {
  tsMs: number;
  sensor: SimulatedSensor;
  messages: FleetMessage[];
}

/**
 * Generates a fleet's messages slot by slot, in a fixed order (sensor 0, 1, ...
 * then the next round), so the same plan and seed always give the same messages.
 */
export class FleetMessageSource {
  private slot = 0;
  private readonly random: SeededRandom;
  private readonly faults: FaultInjector;
  private readonly clock: LocalClock;
  private readonly lastValues = new Map<string, Record<string, number>>();

  constructor(private readonly plan: FleetPlan) {
    if (plan.sensors.length === 0) throw new RangeError('a fleet needs at least one sensor');
    this.random = new SeededRandom(plan.seed);
    this.faults = new FaultInjector(plan.faults ?? NO_FAULTS, new SeededRandom(plan.seed ^ 0x5eed));
    this.clock = new LocalClock(plan.timeZone);
  }

  /** Timestamp of the slot that `next()` will return. */
  peekTsMs(): number {
    const count = this.plan.sensors.length;
    const round = Math.floor(this.slot / count);
    return this.plan.startMs + round * this.plan.periodMs + Math.floor(((this.slot % count) * this.plan.periodMs) / count);
  }

  next(): FleetSlot {
    const tsMs = this.peekTsMs();
    const sensor = this.plan.sensors[this.slot % this.plan.sensors.length]!;
    this.slot += 1;
    const decision = this.faults.active ? this.faults.decide(sensor.id, this.lastValues.get(sensor.id)) : undefined;
    const samples = this.samples(sensor, tsMs);
    if (decision?.drop) return { tsMs, sensor, messages: [] };
    for (const sample of samples) {
      if (decision?.stuckValues) sample.values = { ...decision.stuckValues };
      if (decision && decision.spikeFactor !== 1) spikeOne(sample, decision.spikeFactor);
      if (decision?.skewMs) sample.tsMs += decision.skewMs;
    }
    this.lastValues.set(sensor.id, samples[samples.length - 1]!.values as Record<string, number>);
    const readings = samples.reduce((sum, sample) => sum + Object.keys(sample.values).length, 0);
    const valid = this.plan.format === 'senml' ? encodeSenml(sensor.id, samples) : encodeNative(samples[0]!, sensor);
    const message: FleetMessage = decision?.malformed
      ? { topic: telemetryTopic(sensor.id, this.plan.topicPrefix), payload: malformedPayload(valid, this.random), readings: 0 }
      : { topic: telemetryTopic(sensor.id, this.plan.topicPrefix), payload: valid, readings };
    // The copy carries no new readings: counts stay those a receiver can store.
    return { tsMs, sensor, messages: decision?.duplicate ? [message, { ...message, readings: 0 }] : [message] };
  }

  private samples(sensor: SimulatedSensor, reportTsMs: number): Sample[] {
    const pack = this.plan.format === 'senml' ? Math.max(1, this.plan.pack) : 1;
    const stepMs = this.plan.periodMs / pack;
    return Array.from({ length: pack }, (_, index) => {
      const tsMs = Math.round(reportTsMs - (pack - 1 - index) * stepMs);
      return { tsMs, values: sampleValues(sensor, tsMs, this.clock, this.random, this.plan.seed, this.plan.effect) };
    });
  }
}

function spikeOne(sample: Sample, factor: number): void {
  const metric = Object.keys(sample.values)[0] as keyof Sample['values'] | undefined;
  const value = metric ? sample.values[metric] : undefined;
  if (metric && value !== undefined) sample.values[metric] = Number((value * factor).toFixed(2));
}

/** The retained meta message announcing each sensor: kind, name, position, metrics, interval. */
export function metaMessages(sensors: readonly SimulatedSensor[], intervalMs: number, topicPrefix: string): FleetMessage[] {
  return sensors.map((sensor) => ({
    topic: metaTopic(sensor.id, topicPrefix),
    payload: JSON.stringify({ kind: sensor.kind, name: sensor.id, lat: sensor.lat, lng: sensor.lng, metrics: sensor.metrics, intervalMs: Math.round(intervalMs) }),
    readings: 0,
    retain: true,
  }));
}
