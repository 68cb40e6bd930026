import mqtt, { type MqttClient } from 'mqtt';
import { metaTopic, telemetryTopic, METRICS, type CityProfile } from '@citytwin/shared';
import { SeededRandom } from '../random/seeded-random';
import { typicalValue } from './daily-patterns';
import { clampToMetric, layOutFleet, type SimulatedSensor } from './fleet-layout';
import { localHourOf } from './local-hour';

export interface SensorFleetOptions {
  mqttUrl: string;
  city: CityProfile;
  count: number;
  /** Each sensor reports once per interval. */
  intervalMs: number;
  seed: number;
  topicPrefix?: string;
  clock?: () => number;
}

export interface SensorFleet {
  sensors: readonly SimulatedSensor[];
  stats(): { sent: number; errors: number };
  stop(): Promise<void>;
}

/** One native telemetry payload for a sensor at `epochMs`. */
export function simulatedPayload(sensor: SimulatedSensor, epochMs: number, timeZone: string, random: SeededRandom): string {
  const hour = localHourOf(epochMs, timeZone);
  const values: Record<string, number> = {};
  for (const metric of sensor.metrics) {
    const spread = (METRICS[metric].max - METRICS[metric].min) * 0.01;
    const raw = metric === 'streetlight_on' ? typicalValue(metric, hour) : typicalValue(metric, hour) + random.gaussian() * spread;
    values[metric] = Number(clampToMetric(metric, raw).toFixed(2));
  }
  return JSON.stringify({ ts: epochMs, values });
}

/**
 * Connects a fleet of simulated sensors to the broker: announces each with a
 * retained meta message, then has each report every `intervalMs`, spread evenly.
 */
export async function startSensorFleet(options: SensorFleetOptions): Promise<SensorFleet> {
  const prefix = options.topicPrefix ?? 'citytwin';
  const clock = options.clock ?? Date.now;
  const random = new SeededRandom(options.seed);
  const sensors = layOutFleet(options.count, options.city.simulationBounds, random);
  const client: MqttClient = await mqtt.connectAsync(options.mqttUrl, { clientId: `citytwin-fleet-${options.seed}-${process.pid}`, reconnectPeriod: 1000 });
  const stats = { sent: 0, errors: 0 };
  for (const sensor of sensors) {
    const meta = { kind: sensor.kind, name: sensor.id, lat: sensor.lat, lng: sensor.lng, metrics: sensor.metrics, intervalMs: options.intervalMs };
    await client.publishAsync(metaTopic(sensor.id, prefix), JSON.stringify(meta), { qos: 1, retain: true });
  }
  let next = 0;
  const tickMs = Math.max(10, Math.floor(options.intervalMs / Math.max(1, sensors.length)));
  const perTick = Math.max(1, Math.round((sensors.length * tickMs) / options.intervalMs));
  const timer = setInterval(() => {
    for (let i = 0; i < perTick; i += 1) {
      const sensor = sensors[next % sensors.length];
      next += 1;
      if (!sensor) continue;
      client.publish(telemetryTopic(sensor.id, prefix), simulatedPayload(sensor, clock(), options.city.timeZone, random), { qos: 0 }, (error) => {
        if (error) stats.errors += 1;
        else stats.sent += 1;
      });
    }
  }, tickMs);
  return {
    sensors,
    stats: () => ({ ...stats }),
    async stop() {
      clearInterval(timer);
      await client.endAsync();
    },
  };
}
