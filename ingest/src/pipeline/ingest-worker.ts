import mqtt from 'mqtt';
import type { Logger } from 'pino';
import { ingestSubscriptions, parseSensorTopic, type CityProfile, type LatLng } from '@citytwin/shared';
import { listSensors, upsertSensors, type DeadLetter, type Store } from '@citytwin/store';
import { BatchWriter, DEFAULT_BATCH_LIMITS, type BatchLimits } from './batch-writer';
import { emptyStats, type IngestStats } from './ingest-stats';
import { handleTelemetryMessage } from './message-handler';
import { parseSensorMeta } from './sensor-meta';

export interface IngestOptions {
  store: Store;
  mqttUrl: string;
  topicPrefix: string;
  city: CityProfile;
  resolution: number;
  /** Stable across restarts so the broker keeps the session's queued messages. */
  clientId: string;
  /** Readings older than this are refused; long enough for replays of recorded years. */
  maxAgeMs: number;
  logger: Logger;
  clock?: () => number;
  batch?: BatchLimits;
}

export interface IngestWorker {
  stats(): IngestStats;
  /** Commits what is waiting, then disconnects. */
  close(): Promise<void>;
}

/** Subscribes to telemetry and meta topics and writes what arrives to the store. */
export async function startIngestWorker(options: IngestOptions): Promise<IngestWorker> {
  const { store, logger } = options;
  const clock = options.clock ?? Date.now;
  const stats = emptyStats();
  const writer = new BatchWriter(store.db, options.batch ?? DEFAULT_BATCH_LIMITS, stats, logger);
  const locations = new Map<string, LatLng>();
  for (const sensor of await listSensors(store.db)) {
    if (sensor.lat !== null && sensor.lng !== null) locations.set(sensor.id, { lat: sensor.lat, lng: sensor.lng });
  }
  const settings = { topicPrefix: options.topicPrefix, cityBounds: options.city.bounds, resolution: options.resolution, maxAgeMs: options.maxAgeMs };

  const client = mqtt.connect(options.mqttUrl, {
    clientId: options.clientId,
    clean: false,
    reconnectPeriod: 1000,
  });

  const onMeta = async (sensorId: string, payload: Buffer) => {
    const registration = parseSensorMeta(sensorId, payload.toString('utf8'), options.city.bounds);
    if (!registration) {
      logger.warn({ sensorId }, 'ignored an unusable sensor meta message');
      return;
    }
    locations.set(sensorId, { lat: registration.lat, lng: registration.lng });
    await upsertSensors(store.db, [registration], options.resolution);
  };

  client.on('message', (topic, payload) => {
    stats.messagesIn += 1;
    const route = parseSensorTopic(topic, options.topicPrefix);
    if (route?.kind === 'meta') {
      onMeta(route.sensorId, payload).catch((error: unknown) => logger.error({ err: error, sensorId: route.sensorId }, 'sensor meta not stored'));
      return;
    }
    const nowMs = clock();
    const handled = handleTelemetryMessage(topic, payload, settings, (id) => locations.get(id) ?? null, nowMs);
    if (handled.location) locations.set(handled.location.sensorId, handled.location.at);
    const letters: DeadLetter[] = handled.rejects.map((reject) => ({ topic, payload, reason: reject.reason, detail: reject.detail, receivedAtMs: nowMs }));
    for (const letter of letters) {
      stats.deadLetters += 1;
      stats.deadLettersByReason[letter.reason] = (stats.deadLettersByReason[letter.reason] ?? 0) + 1;
      logger.warn({ topic, reason: letter.reason }, 'dead-lettered: %s', letter.detail);
    }
    writer.add(handled.readings, letters, () => undefined);
  });
  client.on('connect', () => {
    stats.connected = true;
    client.subscribe(ingestSubscriptions(options.topicPrefix), { qos: 1 }, (error) => {
      if (error) logger.error({ err: error }, 'subscribe failed');
    });
    logger.info({ url: options.mqttUrl }, 'ingest connected to MQTT');
  });
  client.on('close', () => {
    if (stats.connected) logger.warn('ingest lost the MQTT connection; reconnecting');
    stats.connected = false;
  });
  client.on('error', (error) => logger.error({ err: error }, 'MQTT error'));

  return {
    stats: () => ({ ...stats, deadLettersByReason: { ...stats.deadLettersByReason } }),
    async close() {
      await writer.flush();
      await client.endAsync();
    },
  };
}
