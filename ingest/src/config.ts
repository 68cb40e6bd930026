import { hostname } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_BATCH_LIMITS, type BatchLimits } from './pipeline/batch-writer';
import { DEFAULT_MAX_STALL_S } from './pipeline/ingest-readiness';
import { CITY_CODES, CITY_PROFILES, BASE_RESOLUTION, DEFAULT_TOPIC_PREFIX, isCityCode, type CityProfile } from '@citytwin/shared';

/** Configuration of a standalone ingest worker. */
export interface IngestConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  /** Broker to subscribe to; undefined starts an embedded one on `mqttPort`. */
  mqttUrl: string | undefined;
  mqttPort: number;
  topicPrefix: string;
  city: CityProfile;
  baseResolution: number;
  clientId: string;
  retentionDays: number;
  logLevel: string;
  /** MQTT protocol: 5 with an external broker, 4 (3.1.1, all the embedded broker speaks) otherwise. */
  protocolVersion: 4 | 5;
  /** Shared-subscription group; set it to run several workers side by side. */
  sharedGroup: string | undefined;
  batch: BatchLimits;
  /** Port of the worker's own `/metrics` and `/health/*`; undefined serves none. */
  metricsPort: number | undefined;
  /** Seconds held messages may wait without a commit before `/health/ready` fails. */
  maxStallS: number;
}

export class IngestConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new IngestConfigError(`${name}="${text}" must be an integer ${min}..${max}`);
  return value;
}

function sharedGroup(env: Env): string | undefined {
  const group = env['INGEST_SHARED_GROUP'];
  if (!group) return undefined;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(group)) throw new IngestConfigError(`INGEST_SHARED_GROUP="${group}" must be 1-64 letters, digits, _ or -`);
  return group;
}

/** Reads and checks the ingest worker's environment once at boot. */
export function loadIngestConfig(env: Env = process.env): IngestConfig {
  const cityCode = (env['CITY'] ?? 'beijing').toLowerCase();
  if (!isCityCode(cityCode)) throw new IngestConfigError(`CITY="${env['CITY']}" is unknown; choose one of ${CITY_CODES.join(', ')}`);
  const dataDir = env['DATA_DIR'] ?? '.citytwin/data';
  return {
    databaseUrl: env['DATABASE_URL'] || undefined,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(process.cwd(), dataDir),
    mqttUrl: env['MQTT_URL'] || undefined,
    mqttPort: integer(env, 'MQTT_PORT', 1883, 0, 65535),
    topicPrefix: env['MQTT_TOPIC_PREFIX'] ?? DEFAULT_TOPIC_PREFIX,
    city: CITY_PROFILES[cityCode],
    baseResolution: integer(env, 'H3_BASE_RES', BASE_RESOLUTION, 5, 12),
    clientId: env['INGEST_CLIENT_ID'] ?? `citytwin-ingest-${hostname()}`,
    retentionDays: integer(env, 'RETENTION_DAYS', 7300, 1, 36500),
    logLevel: env['LOG_LEVEL'] ?? 'info',
    // v5 lets the worker announce its receive maximum; the embedded broker speaks only 3.1.1.
    protocolVersion: integer(env, 'MQTT_PROTOCOL_VERSION', env['MQTT_URL'] ? 5 : 4, 4, 5) as 4 | 5,
    sharedGroup: sharedGroup(env),
    metricsPort: env['INGEST_METRICS_PORT'] ? integer(env, 'INGEST_METRICS_PORT', 0, 0, 65535) : undefined,
    maxStallS: integer(env, 'INGEST_READY_MAX_STALL_S', DEFAULT_MAX_STALL_S, 1, 86_400),
    batch: {
      maxRows: integer(env, 'INGEST_BATCH_ROWS', DEFAULT_BATCH_LIMITS.maxRows, 1, 1_000_000),
      maxDelayMs: integer(env, 'INGEST_BATCH_MS', DEFAULT_BATCH_LIMITS.maxDelayMs, 1, 60_000),
      maxPendingRows: integer(env, 'INGEST_MAX_PENDING_ROWS', DEFAULT_BATCH_LIMITS.maxPendingRows, 1, 100_000_000),
      maxConcurrentCommits: integer(env, 'INGEST_CONCURRENT_COMMITS', DEFAULT_BATCH_LIMITS.maxConcurrentCommits, 1, 16),
    },
  };
}
