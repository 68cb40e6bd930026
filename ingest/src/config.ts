import { hostname } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
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
  };
}
