import mqtt, { type IClientOptions, type IPublishPacket } from 'mqtt';
import type { Logger } from 'pino';
import { ingestSubscriptions, parseSensorTopic, SensorCellCache, type CityProfile } from '@citytwin/shared';
import type { Store } from '@citytwin/store';
import { formatIngestMetrics } from '../metrics/prometheus-text';
import { AckGate } from './ack-gate';
import { BatchWriter, DEFAULT_BATCH_LIMITS, type BatchLimits } from './batch-writer';
import { checkIngestReadiness, DEFAULT_MAX_STALL_S, type IngestReadiness } from './ingest-readiness';
import { emptyStats, snapshotStats, type IngestStats } from './ingest-stats';
import { LocationCache } from './location-cache';
import { handleTelemetryMessage, type HandlerSettings } from './message-handler';
import { startProgressLog } from './progress-log';
import { DEFAULT_SETTLE_INTERVAL_MS, startRollupSettler } from './rollup-settler';
import { storeSensorMeta } from './sensor-meta';

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
  batch?: Partial<BatchLimits>;
  /** MQTT 3.1.1 (4, the default; the embedded broker speaks only this) or 5. */
  protocolVersion?: 4 | 5;
  /** Share telemetry with other workers of this group (`$share/<group>/...`). */
  sharedGroup?: string;
  /** How often a progress line is logged while messages flow. */
  progressIntervalMs?: number;
  /** Seconds held messages may wait without a commit before readiness fails (default 30). */
  maxStallS?: number;
  /** How often the hour and day rollups are derived from the 5-minute ones (default 1 s). */
  settleIntervalMs?: number;
}

export interface IngestWorker {
  stats(): IngestStats;
  /** The worker's counters in Prometheus text format. */
  metricsText(): string;
  /** Broker connected, store answering, commits not stalled, not stopping. */
  readiness(): Promise<IngestReadiness>;
  /**
   * Graceful stop: takes no new messages (the broker keeps those for the
   * session), commits and acknowledges what is waiting, then disconnects.
   */
  close(): Promise<void>;
}

const MAX_RECONNECT_DELAY_MS = 10_000;
const NO_LETTERS: never[] = [];
const CLOSE_FLUSH_TIMEOUT_MS = 10_000;

function telemetryFilters(options: IngestOptions): Record<string, { qos: 1 }> {
  const [telemetry, meta] = ingestSubscriptions(options.topicPrefix) as [string, string];
  // Retained meta messages are never sent on shared subscriptions, and every worker needs every location.
  const shared = options.sharedGroup ? `$share/${options.sharedGroup}/${telemetry}` : telemetry;
  return { [shared]: { qos: 1 }, [meta]: { qos: 1 } };
}

function connectOptions(options: IngestOptions): IClientOptions {
  const base: IClientOptions = {
    clientId: options.clientId, clean: false, reconnectPeriod: 500, resubscribe: false, connectTimeout: 10_000,
    // mqtt.js traces every packet through `debug`; that costs a few per cent of
    // the worker's time even when switched off, so it is kept only when DEBUG asks for it.
    ...(process.env['DEBUG'] ? {} : { log: noTrace }),
  };
  if (options.protocolVersion !== 5) return { ...base, protocolVersion: 4 };
  // v5 sessions end at disconnect unless given an expiry; the receive maximum lifts the in-flight cap.
  return { ...base, protocolVersion: 5, properties: { sessionExpiryInterval: 0xffffffff, receiveMaximum: 65535 } };
}

function noTrace(): void {}

/**
 * Subscribes to telemetry (QoS 1, persistent session) and meta topics and
 * writes what arrives to the store in batches. A message is acknowledged only
 * after its batch is committed, so a crash loses nothing; intake pauses while
 * too many readings wait for a store that is down.
 */
export async function startIngestWorker(options: IngestOptions): Promise<IngestWorker> {
  const { store, logger } = options;
  const clock = options.clock ?? Date.now;
  const stats = emptyStats();
  const limits = { ...DEFAULT_BATCH_LIMITS, ...(store.db.engine === 'pglite' ? { maxConcurrentCommits: 1 } : {}), ...options.batch };
  const writer = new BatchWriter(store.db, limits, stats, logger);
  const locations = new LocationCache(store.db, logger);
  await locations.refresh();
  const settings: HandlerSettings = {
    topicPrefix: options.topicPrefix, cityBounds: options.city.bounds, resolution: options.resolution, maxAgeMs: options.maxAgeMs,
    cells: new SensorCellCache(options.resolution),
  };
  const client = mqtt.connect(options.mqttUrl, connectOptions(options));
  const gate = new AckGate(client);

  const onTelemetry = (packet: IPublishPacket, payload: Buffer) => {
    const nowMs = clock();
    const contentType = packet.properties?.contentType;
    const handled = handleTelemetryMessage(packet.topic, payload, settings, locations.lookup, nowMs, contentType);
    if (handled.location) locations.remember(handled.location.sensorId, handled.location.at);
    if (handled.senml) stats.senmlPacks += 1;
    stats.readingsIn += handled.readings.length;
    const letters = handled.rejects.length === 0 ? NO_LETTERS : handled.rejects.map((reject) => ({ topic: packet.topic, payload, reason: reject.reason, detail: reject.detail, receivedAtMs: nowMs }));
    for (const letter of letters) {
      stats.deadLetters += 1;
      stats.deadLettersByReason[letter.reason] = (stats.deadLettersByReason[letter.reason] ?? 0) + 1;
      logger.warn({ topic: letter.topic, reason: letter.reason }, 'dead-lettered: %s', letter.detail);
    }
    writer.add(handled.readings, letters, gate.ackLater(packet));
  };

  let closing = false;
  let leftForRedelivery = 0;
  client.handleMessage = (packet, callback) => {
    if (closing) {
      // Never acknowledged: the persistent session redelivers it to the next worker start.
      leftForRedelivery += 1;
      return callback();
    }
    stats.messagesIn += 1;
    const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
    // Only meta topics end in /meta; telemetry topics are parsed once, by the handler.
    const route = packet.topic.endsWith('/meta') ? parseSensorTopic(packet.topic, options.topicPrefix) : undefined;
    if (route?.kind === 'meta') {
      const ack = gate.ackLater(packet);
      storeSensorMeta(store.db, route.sensorId, payload, options, locations).then(ack, (error: unknown) =>
        logger.error({ err: error, sensorId: route.sensorId }, 'sensor meta not stored; the broker will redeliver it'),
      );
    } else {
      try {
        onTelemetry(packet, payload);
      } catch (error) {
        // The parsers refuse bad input without throwing; this is the last guard so a message is never lost silently.
        logger.error({ err: error, topic: packet.topic }, 'telemetry handler failed; dead-lettering the message');
        const letter = { topic: packet.topic, payload, reason: 'wrong_type' as const, detail: `unexpected error: ${String(error)}`.slice(0, 500), receivedAtMs: clock() };
        writer.add([], [letter], gate.ackLater(packet));
      }
    }
    if (!writer.isFull()) return callback();
    if (!stats.backpressure) logger.warn({ pending: stats.pending }, 'ingest buffer full: pausing intake until the store catches up');
    stats.backpressure = true;
    void writer.whenRoom().then(() => {
      if (stats.backpressure) logger.info('ingest buffer has room again: intake resumed');
      stats.backpressure = false;
      callback();
    });
  };

  client.on('connect', (connack) => {
    stats.connected = true;
    client.options.reconnectPeriod = 500;
    client.subscribe(telemetryFilters(options), (error, granted) => {
      if (error) logger.error({ err: error }, 'subscribe failed');
      else logger.info({ filters: granted?.map((grant) => `${grant.topic} qos${grant.qos}`) }, 'ingest subscribed');
    });
    logger.info({ url: options.mqttUrl, sessionPresent: connack.sessionPresent, protocolVersion: options.protocolVersion ?? 4 }, 'ingest connected to MQTT');
  });
  client.on('close', () => {
    if (stats.connected) logger.warn('ingest lost the MQTT connection; reconnecting with backoff');
    stats.connected = false;
  });
  client.on('reconnect', () => {
    client.options.reconnectPeriod = Math.min((client.options.reconnectPeriod ?? 500) * 2, MAX_RECONNECT_DELAY_MS);
  });
  client.on('error', (error) => logger.error({ err: error }, 'MQTT error'));

  const refreshTimer = setInterval(() => void locations.refresh(), 5000);
  const progress = startProgressLog(stats, writer, logger, options.progressIntervalMs ?? 5000);
  const settler = startRollupSettler(store.db, logger, options.settleIntervalMs ?? DEFAULT_SETTLE_INTERVAL_MS);
  return {
    stats: () => snapshotStats(stats),
    metricsText: () => formatIngestMetrics(stats, { lagSeconds: writer.oldestWaitS() }),
    readiness: () => checkIngestReadiness({
      closing, brokerConnected: stats.connected, pingStore: () => store.db.query('SELECT 1'), pending: stats.pending,
      stalledS: writer.stalledS(), lastCommitAgeS: writer.lastCommitAgeS(), maxStallS: options.maxStallS ?? DEFAULT_MAX_STALL_S,
    }),
    async close() {
      closing = true;
      clearInterval(refreshTimer);
      progress.stop();
      // Uncommitted messages are unacknowledged, so the broker redelivers them: never hang a shutdown on a dead store.
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), CLOSE_FLUSH_TIMEOUT_MS)));
      const flushed = (await Promise.race([writer.flush(), gaveUp])) !== 'timeout';
      if (!flushed) logger.warn({ pending: stats.pending }, 'closing with uncommitted readings; the broker will redeliver them');
      clearTimeout(timer);
      await client.endAsync(!flushed);
      await settler.stop(flushed);
      const { messagesIn, readingsStored, readingsDuplicate, pending } = stats;
      logger.info({ messagesIn, readingsStored, readingsDuplicate, acknowledged: gate.acknowledged, uncommitted: pending, leftForRedelivery, flushed }, 'ingest stopped');
    },
  };
}
