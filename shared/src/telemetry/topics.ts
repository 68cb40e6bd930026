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
  // Called for every message: index arithmetic rather than split('/').
  const head = prefix.length + SENSORS_LEVEL.length;
  if (!topic.startsWith(prefix) || !topic.startsWith(SENSORS_LEVEL, prefix.length)) return undefined;
  const end = topic.indexOf('/', head);
  const sensorId = end === -1 ? topic.slice(head) : topic.slice(head, end);
  if (!isSensorId(sensorId)) return undefined;
  if (end === -1) return { sensorId, kind: 'telemetry' };
  if (topic.length === end + 5 && topic.endsWith('/meta')) return { sensorId, kind: 'meta' };
  return undefined;
}

const SENSORS_LEVEL = '/sensors/';
