/** Default first level of every CityTwin MQTT topic. */
export const DEFAULT_TOPIC_PREFIX = 'citytwin';

const SENSOR_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export type TopicKind = 'telemetry' | 'meta';

/** True when `id` can be used as a sensor id (and so as one MQTT topic level). */
export function isSensorId(id: string): boolean {
  return SENSOR_ID.test(id);
}

/** `<prefix>/sensors/<sensorId>`: where a sensor publishes readings. */
export function telemetryTopic(sensorId: string, prefix = DEFAULT_TOPIC_PREFIX): string {
  return `${prefix}/sensors/${sensorId}`;
}

/** `<prefix>/sensors/<sensorId>/meta`: the sensor's retained self-description. */
export function metaTopic(sensorId: string, prefix = DEFAULT_TOPIC_PREFIX): string {
  return `${prefix}/sensors/${sensorId}/meta`;
}

/** The subscription filters ingest needs: telemetry and meta. */
export function ingestSubscriptions(prefix = DEFAULT_TOPIC_PREFIX): string[] {
  return [`${prefix}/sensors/+`, `${prefix}/sensors/+/meta`];
}

/** Splits a topic into sensor id and kind, or undefined when it is not ours or the id is bad. */
export function parseSensorTopic(topic: string, prefix = DEFAULT_TOPIC_PREFIX): { sensorId: string; kind: TopicKind } | undefined {
  const levels = topic.split('/');
  if (levels[0] !== prefix || levels[1] !== 'sensors') return undefined;
  const sensorId = levels[2] ?? '';
  if (!isSensorId(sensorId)) return undefined;
  if (levels.length === 3) return { sensorId, kind: 'telemetry' };
  if (levels.length === 4 && levels[3] === 'meta') return { sensorId, kind: 'meta' };
  return undefined;
}
