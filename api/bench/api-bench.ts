import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { CITY_PROFILES } from '@citytwin/shared';
import { openStore, vacuumAnalyze } from '@citytwin/store';
import { createTestDatabase } from '@citytwin/store/testing';
import { buildApp, loadConfig } from '@citytwin/api';
import { seedCityScale } from './city-scale-seed';

// `pnpm bench:api [--scale 1] [--duration 30] [--connections 50,200]`: loads the query benchmark's city
// (seedCityScale at the same default scale: 2,000 sensors, 10 million readings and 500,000 appeals;
// `--scale 0.1` for a trial) into a throwaway
// database on the Postgres server (BENCH_DATABASE_URL), starts the API on it with the write rate limits
// lifted, and drives four routes with autocannon at each connection count for `duration` seconds:
// the map's cells, hot spots, Open311 GET and appeal POST. Progress on stderr; the last stdout line is the JSON.
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
};
const positive = (name: string, text: string) => {
  const value = Number(text);
  if (!(value > 0)) throw new Error(`--${name} needs a positive number, got "${text}"`);
  return value;
};
const SCALE = positive('scale', option('scale', '1'));
const DURATION_S = positive('duration', option('duration', '30'));
const CONNECTIONS = option('connections', '50,200').split(',').map((text) => Math.round(positive('connections', text)));
const SERVER_URL = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const KEY = 'bench-api-operator-key';
const DAY_MS = 86_400_000;
const log = (text: string) => process.stderr.write(`${text}\n`);

interface RouteFigures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

interface BenchRoute {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

function routesOf(nowMs: number): BenchRoute[] {
  const window = `from=${new Date(nowMs - DAY_MS).toISOString()}&to=${new Date(nowMs).toISOString()}`;
  const { centre } = CITY_PROFILES.beijing;
  const appeal = { category: 'noise.construction', channel: 'hotline', description: 'bench: night-time piling', lat: centre[1] + 0.01, lng: centre[0] - 0.01 };
  return [
    { name: '/api/cells', method: 'GET', path: `/api/cells?layer=physical&metric=noise_db&res=8&${window}` },
    { name: '/api/hotspots', method: 'GET', path: `/api/hotspots?layer=physical&metric=noise_db&res=8&${window}` },
    { name: '/open311/v2/requests.json', method: 'GET', path: `/open311/v2/requests.json?service_code=noise&start_date=${new Date(nowMs - DAY_MS).toISOString()}` },
    { name: 'POST /api/appeals', method: 'POST', path: '/api/appeals', body: JSON.stringify(appeal) },
  ];
}

/** Drives one route at `connections` for {@link DURATION_S} s; errors are failed requests, timeouts and non-2xx answers. */
async function drive(base: string, route: BenchRoute, connections: number): Promise<RouteFigures> {
  const result = await autocannon({
    url: `${base}${route.path}`, method: route.method, connections, duration: DURATION_S, timeout: 120,
    headers: { authorization: `Bearer ${KEY}`, ...(route.body ? { 'content-type': 'application/json' } : {}) },
    ...(route.body ? { body: route.body } : {}),
  });
  return {
    rps: Math.round((result.requests.total / DURATION_S) * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function main(): Promise<void> {
  const database = await createTestDatabase(SERVER_URL);
  log(`Postgres database ${new URL(database.url).pathname.slice(1)}, scale ${SCALE}, ${DURATION_S} s per run at ${CONNECTIONS.join(' and ')} connections`);
  const store = await openStore({ databaseUrl: database.url, maxConnections: 8 });
  const loadStart = loadavg()[0]!;
  try {
    const nowMs = Math.floor(Date.now() / 300_000) * 300_000;
    const started = performance.now();
    const data = await seedCityScale(store.db, { nowMs, sensors: Math.max(10, Math.round(2000 * SCALE)), readings: Math.round(10_000_000 * SCALE), appeals: Math.round(500_000 * SCALE) });
    await vacuumAnalyze(store.db);
    log(`loaded ${data.readings} readings from ${data.sensors} sensors and ${data.appeals} appeals in ${Math.round((performance.now() - started) / 1000)} s`);
    const config = loadConfig({ SIMULATE: 'off', WEB_DIST_DIR: '/nonexistent', API_KEYS: `${KEY}=operator`, RATE_LIMIT_ANONYMOUS: '1000000000', RATE_LIMIT_KEYED: '1000000000' });
    const app = await buildApp({ store, config, logger: pino({ level: 'silent' }), broker: 'external', clock: () => nowMs });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const routes: Record<string, RouteFigures> = {};
    try {
      for (const route of routesOf(nowMs)) {
        // One warm-up call per route, so the first run does not time planning and cold caches.
        await fetch(`${base}${route.path}`, { method: route.method, headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, ...(route.body ? { body: route.body } : {}) });
        for (const connections of CONNECTIONS) {
          const figures = await drive(base, route, connections);
          routes[`${route.name}@${connections}`] = figures;
          log(`${route.name} @ ${connections} connections: ${figures.rps} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, ${figures.errors} errors`);
        }
      }
    } finally {
      await app.close();
    }
    const summary = {
      bench: 'api', backend: store.kind, scale: SCALE, durationS: DURATION_S, readings: data.readings, appeals: data.appeals, routes,
      loadAverage: { start: Math.round(loadStart * 10) / 10, end: Math.round(loadavg()[0]! * 10) / 10 },
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await store.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
