import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_RESOLUTION, CITY_CODES, CITY_PROFILES, DEFAULT_TOPIC_PREFIX, isCityCode, parseSlaOverrides, type AppealSla, type CityProfile } from '@citytwin/shared';
import { ApiKeysError, parseApiKeys, type Role } from '../auth/roles';
import { BoundarySpecError, boundarySources, parseCityBoundaries, type BoundarySource } from './boundary-sources';
import { BasemapConfigError, readBasemap, type BasemapSource } from './basemap-source';

/** The repository root (three levels above this file). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Everything the api process (and the all-in-one around it) is configured with. */
export interface ApiConfig {
  port: number;
  host: string;
  /** Postgres URL; undefined means embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  /** A streaming replica of `databaseUrl` for the read-only routes (DATABASE_READ_URL). */
  databaseReadUrl: string | undefined;
  /** Reads go back to the primary while the replica is further behind than this (READ_REPLICA_MAX_LAG_S, default 30). */
  readReplicaMaxLagSeconds: number;
  dataDir: string;
  /** External broker URL; undefined means the embedded broker on `mqttPort`. */
  mqttUrl: string | undefined;
  mqttPort: number;
  /** False when PORT / MQTT_PORT were not set: a taken default port then falls back to a free one. */
  portsChosen: { http: boolean; mqtt: boolean };
  topicPrefix: string;
  city: CityProfile;
  /** The boundary files whose polygons give appeals their district, street and community. */
  boundaries: BoundarySource[];
  simulate: boolean;
  apiKeys: Map<string, Role>;
  baseResolution: number;
  /** Built web app to serve at `/`, if present. */
  webDistDir: string;
  /** Street basemap (BASEMAP), if configured. */
  basemap: BasemapSource | undefined;
  logLevel: string;
  /** Anonymous callers never see an area or cell with fewer appeals than this (PRIVACY_MIN_APPEALS, default 3). */
  privacyMinAppeals?: number;
  /** Per-category SLA overrides (APPEAL_SLA="noise=2h/7d,heating=1h/1d"). */
  appealSla?: Record<string, AppealSla>;
  /** Bytes a live-channel socket may have waiting unsent before it is dropped and resynced (LIVE_BUFFER_CAP_BYTES, default 4 MiB). */
  liveBufferCapBytes?: number;
  /** Writes a minute: anonymous callers per IP (RATE_LIMIT_ANONYMOUS, default 60), keyed callers per key (RATE_LIMIT_KEYED, default 1,200). */
  rateLimit: { anonymousPerMinute: number; keyedPerMinute: number };
  /** Origins allowed to call the API from a browser (CORS_ORIGINS, comma-separated); empty means same origin only. */
  corsOrigins: string[];
  /** The early-warning job's rules (ALERT_*). */
  alerts: AlertSettings;
}

/** How the alert job compares buckets with their seasonal baseline. */
export interface AlertSettings {
  /** Weeks of the hour-of-week baseline (ALERT_BASELINE_WEEKS, default 4). */
  baselineWeeks: number;
  /** Robust z at or beyond which a bucket is abnormal (ALERT_Z, default 3). */
  z: number;
  /** Consecutive abnormal buckets that open an alert, and normal ones that close it (ALERT_HOURS, default 2). */
  hours: number;
  /** Bucket width: `1h` (default) or `5m` (faster, against the same hourly baseline). */
  bucket: '1h' | '5m';
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function readPort(env: Env, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`${name}="${text}" is not a TCP port (0-65535)`);
  return port;
}

function readUrl(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const text = env[name];
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`${name} is not a URL (expected e.g. ${protocols[0]}//host:port)`);
  }
  if (!protocols.includes(url.protocol)) throw new ConfigError(`${name} must start with ${protocols.join(' or ')}, got ${url.protocol}`);
  return text;
}

function readMaxLag(env: Env): number {
  const text = env['READ_REPLICA_MAX_LAG_S'];
  if (text === undefined || text === '') return 30;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds < 0) throw new ConfigError(`READ_REPLICA_MAX_LAG_S="${text}" must be a number of seconds >= 0`);
  return seconds;
}

function readReadUrl(env: Env): string | undefined {
  const url = readUrl(env, 'DATABASE_READ_URL', ['postgres:', 'postgresql:']);
  if (url && !env['DATABASE_URL']) throw new ConfigError('DATABASE_READ_URL needs DATABASE_URL: a replica is a copy of a server, not of embedded PGlite');
  return url;
}

function readCity(env: Env): CityProfile {
  const code = (env['CITY'] ?? 'beijing').toLowerCase();
  if (!isCityCode(code)) throw new ConfigError(`CITY="${env['CITY']}" is unknown; choose one of ${CITY_CODES.join(', ')}`);
  return CITY_PROFILES[code];
}

function readResolution(env: Env): number {
  const text = env['H3_BASE_RES'];
  if (!text) return BASE_RESOLUTION;
  const res = Number(text);
  if (!Number.isInteger(res) || res < 5 || res > 12) throw new ConfigError(`H3_BASE_RES="${text}" must be an integer 5..12`);
  return res;
}

function readAppealPrivacy(env: Env): { privacyMinAppeals: number; appealSla: Record<string, AppealSla> } {
  const k = Number(env['PRIVACY_MIN_APPEALS'] ?? 3);
  if (!Number.isInteger(k) || k < 1) throw new ConfigError(`PRIVACY_MIN_APPEALS="${env['PRIVACY_MIN_APPEALS']}" must be an integer >= 1`);
  try {
    return { privacyMinAppeals: k, appealSla: parseSlaOverrides(env['APPEAL_SLA']) };
  } catch (error) {
    throw new ConfigError(`APPEAL_SLA: ${(error as Error).message}`);
  }
}

function readPositive(env: Env, name: string, fallback: number, integer: boolean): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!(value > 0) || (integer && !Number.isInteger(value))) throw new ConfigError(`${name}="${text}" must be a ${integer ? 'whole number' : 'number'} > 0`);
  return value;
}

function readAlerts(env: Env): AlertSettings {
  const bucket = env['ALERT_BUCKET'] ?? '1h';
  if (bucket !== '1h' && bucket !== '5m') throw new ConfigError(`ALERT_BUCKET="${bucket}" must be 1h or 5m`);
  return {
    baselineWeeks: readPositive(env, 'ALERT_BASELINE_WEEKS', 4, true),
    z: readPositive(env, 'ALERT_Z', 3, false),
    hours: readPositive(env, 'ALERT_HOURS', 2, true),
    bucket,
  };
}

function readCorsOrigins(env: Env): string[] {
  const origins = (env['CORS_ORIGINS'] ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  for (const origin of origins) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || url.origin !== origin) throw new ConfigError(`CORS_ORIGINS entry "${origin}" is not an origin like https://dashboard.example.org`);
  }
  return origins;
}

function readLiveBufferCap(env: Env): { liveBufferCapBytes?: number } {
  const text = env['LIVE_BUFFER_CAP_BYTES'];
  if (text === undefined || text === '') return {};
  const bytes = Number(text);
  if (!Number.isInteger(bytes) || bytes < 1024) throw new ConfigError(`LIVE_BUFFER_CAP_BYTES="${text}" must be an integer >= 1024`);
  return { liveBufferCapBytes: bytes };
}

function readBoundaries(env: Env, city: CityProfile): BoundarySource[] {
  try {
    return boundarySources(city, parseCityBoundaries(env['CITY_BOUNDARIES'], REPO_ROOT));
  } catch (error) {
    if (error instanceof BoundarySpecError) throw new ConfigError(`CITY_BOUNDARIES: ${error.message}`);
    throw error;
  }
}

function inRepo(path: string): string {
  return isAbsolute(path) ? path : resolve(REPO_ROOT, path);
}

function readBasemapOrFail(value: string | undefined): BasemapSource | undefined {
  try {
    return readBasemap(value, inRepo);
  } catch (error) {
    if (error instanceof BasemapConfigError) throw new ConfigError(error.message);
    throw error;
  }
}

/**
 * Reads and checks the environment once at boot. Defaults give the embedded
 * mode: PGlite under ./.citytwin/data, the in-process broker, Beijing, simulator on.
 */
export function loadConfig(env: Env = process.env): ApiConfig {
  let apiKeys: Map<string, Role>;
  try {
    apiKeys = parseApiKeys(env['API_KEYS']);
  } catch (error) {
    if (error instanceof ApiKeysError) throw new ConfigError(error.message);
    throw error;
  }
  const simulate = (env['SIMULATE'] ?? 'on').toLowerCase();
  if (!['on', 'off'].includes(simulate)) throw new ConfigError(`SIMULATE="${env['SIMULATE']}" must be on or off`);
  const city = readCity(env);
  return {
    port: readPort(env, 'PORT', 8080),
    host: env['HOST'] ?? '0.0.0.0',
    databaseUrl: readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    databaseReadUrl: readReadUrl(env),
    readReplicaMaxLagSeconds: readMaxLag(env),
    dataDir: inRepo(env['DATA_DIR'] ?? '.citytwin/data'),
    mqttUrl: readUrl(env, 'MQTT_URL', ['mqtt:', 'mqtts:', 'tcp:', 'ws:', 'wss:']),
    mqttPort: readPort(env, 'MQTT_PORT', 1883),
    portsChosen: { http: Boolean(env['PORT']), mqtt: Boolean(env['MQTT_PORT']) },
    topicPrefix: env['MQTT_TOPIC_PREFIX'] ?? DEFAULT_TOPIC_PREFIX,
    city,
    boundaries: readBoundaries(env, city),
    simulate: simulate === 'on',
    apiKeys,
    baseResolution: readResolution(env),
    webDistDir: inRepo(env['WEB_DIST_DIR'] ?? 'web/dist'),
    basemap: readBasemapOrFail(env['BASEMAP']),
    logLevel: env['LOG_LEVEL'] ?? 'info',
    ...readAppealPrivacy(env),
    alerts: readAlerts(env),
    rateLimit: { anonymousPerMinute: readPositive(env, 'RATE_LIMIT_ANONYMOUS', 60, true), keyedPerMinute: readPositive(env, 'RATE_LIMIT_KEYED', 1200, true) },
    corsOrigins: readCorsOrigins(env),
    ...readLiveBufferCap(env),
  };
}
