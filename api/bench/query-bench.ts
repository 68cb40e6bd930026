import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { gridDisk, latLngToCell } from 'h3-js';
import { pino } from 'pino';
import { getisOrdGiStar } from '@citytwin/shared';
import { SeededRandom } from '@citytwin/simulators';
import { countAppeals, countReadings, findNewestReadingMs, findPhysicalCellsFromReadings, openStore, vacuumAnalyze, type Store } from '@citytwin/store';
import { createTestDatabase } from '@citytwin/store/testing';
import { buildApp, loadConfig } from '@citytwin/api';
import { seedCityScale } from './city-scale-seed';
import { getJson, timeCalls, type QueryTiming } from './request-timing';

// `pnpm bench:query [--scale 0.1] [--runs 50] [--no-pglite] [--keep | --database <url>]`: loads a
// city-scale data set through the store's write paths into a throwaway database on the Postgres server
// (BENCH_DATABASE_URL), times the map's reads over HTTP (one cold call, then `runs` warm ones), the naive
// GROUP BY over raw readings as the baseline, then the same at a tenth of the scale on in-memory PGlite.
// `--keep` leaves the loaded database in place (its URL on stderr); `--database <url>` times the reads of
// such a database again without loading (migrations added since are applied when it opens).
// Progress on stderr; the last stdout line is the JSON summary.
const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!(value > 0)) throw new Error(`--${name} needs a positive number`);
  return value;
};
const SCALE = flag('scale', 1);
const RUNS = Math.round(flag('runs', 50));
const NAIVE_RUNS = Math.min(RUNS, 10);
const WITH_PGLITE = !args.includes('--no-pglite');
const KEEP = args.includes('--keep');
const REUSE_URL = args.includes('--database') ? args[args.indexOf('--database') + 1] : undefined;
const SERVER_URL = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const KEY = 'bench-operator-key';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const log = (text: string) => process.stderr.write(`${text}\n`);
/** The machine's 1-minute load average when the run began (the timings are wall times). */
const LOAD_AT_START = loadavg()[0]!;

const PHYSICAL = [
  ['phys_res8_24h', 8, DAY_MS],
  ['phys_res8_30d', 8, 30 * DAY_MS],
  ['phys_res7_24h', 7, DAY_MS],
  ['phys_res9_24h', 9, DAY_MS],
] as const;
const HUMAN = [
  ['human_res8_24h', 8, DAY_MS],
  ['human_res8_30d', 8, 30 * DAY_MS],
] as const;

interface BackendFigures {
  readings: number;
  appeals: number;
  seedS: number;
  cells: Record<string, QueryTiming & { naiveP95Ms?: number; speedup?: number }>;
  hotspots: Record<string, QueryTiming>;
  fusion: Record<string, QueryTiming>;
}

function windowQuery(toMs: number, spanMs: number): string {
  return `from=${new Date(toMs - spanMs).toISOString()}&to=${new Date(toMs).toISOString()}`;
}

/** Loads the data set, or finds the window of one loaded before; the window ends on a 5-minute boundary. */
async function loadOrFind(store: Store, label: string, scale: number, reuse: boolean): Promise<{ nowMs: number; readings: number; appeals: number; seedS: number }> {
  if (reuse) {
    const newestMs = (await findNewestReadingMs(store.db)) ?? Date.now();
    const nowMs = Math.floor(newestMs / 300_000) * 300_000 + 300_000;
    const found = { nowMs, readings: await countReadings(store.db), appeals: await countAppeals(store.db), seedS: 0 };
    log(`[${label}] reusing ${found.readings} readings and ${found.appeals} appeals, window ending ${new Date(nowMs).toISOString()}`);
    return found;
  }
  // A window ending on a 5-minute boundary, where rollups and raw readings must agree exactly.
  const nowMs = Math.floor(Date.now() / 300_000) * 300_000;
  const started = performance.now();
  let lastShown = 0;
  const data = await seedCityScale(store.db, {
    nowMs, sensors: Math.max(10, Math.round(2000 * scale)), readings: Math.round(10_000_000 * scale), appeals: Math.round(500_000 * scale),
    onProgress: ({ readings, appeals }) => {
      const now = performance.now();
      if (now - lastShown < 5000) return;
      lastShown = now;
      log(`[${label}] loaded ${readings} readings, ${appeals} appeals (${((now - started) / 1000).toFixed(0)} s)`);
    },
  });
  await vacuumAnalyze(store.db);
  const seedS = Math.round((performance.now() - started) / 1000);
  log(`[${label}] loaded ${data.readings} readings from ${data.sensors} sensors and ${data.appeals} appeals in ${seedS} s`);
  return { nowMs, readings: data.readings, appeals: data.appeals, seedS };
}

/** Seeds `store` at `scale` (sensors, readings and appeals alike, so the cadence stays) and times every query. */
async function measureBackend(store: Store, label: string, scale: number, reuse = false): Promise<BackendFigures> {
  const { nowMs, ...data } = await loadOrFind(store, label, scale, reuse);
  const app = await buildApp({ store, config: loadConfig({ SIMULATE: 'off', WEB_DIST_DIR: '/nonexistent', API_KEYS: `${KEY}=operator` }), logger: pino({ level: 'silent' }), broker: 'external', clock: () => nowMs });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const headers = { authorization: `Bearer ${KEY}` };
  const http = (path: string) => timeCalls(() => getJson(`${base}${path}`, headers), RUNS);
  const figures: BackendFigures = { ...data, cells: {}, hotspots: {}, fusion: {} };
  try {
    for (const [key, res, spanMs] of PHYSICAL) {
      const timing = await http(`/api/cells?layer=physical&metric=noise_db&res=${res}&${windowQuery(nowMs, spanMs)}`);
      const window = { res, fromMs: nowMs - spanMs, toMs: nowMs };
      const naive = await timeCalls(() => findPhysicalCellsFromReadings(store.db, 'noise_db', window), NAIVE_RUNS);
      figures.cells[key] = { ...timing, naiveP95Ms: naive.p95Ms, speedup: Math.round((naive.p95Ms / timing.p95Ms) * 10) / 10 };
      log(`[${label}] ${key}: cold ${timing.coldMs} ms, p50 ${timing.p50Ms} ms, p95 ${timing.p95Ms} ms; naive GROUP BY p95 ${naive.p95Ms} ms (${NAIVE_RUNS} runs): ${figures.cells[key]!.speedup}x`);
    }
    for (const [key, res, spanMs] of HUMAN) {
      figures.cells[key] = await http(`/api/cells?layer=human&res=${res}&${windowQuery(nowMs, spanMs)}`);
      log(`[${label}] ${key}: ${JSON.stringify(figures.cells[key])}`);
    }
    figures.hotspots['physical_res8_24h'] = await http(`/api/hotspots?layer=physical&metric=noise_db&res=8&${windowQuery(nowMs, DAY_MS)}`);
    figures.hotspots['human_res8_24h'] = await http(`/api/hotspots?layer=human&category=noise&res=8&${windowQuery(nowMs, DAY_MS)}`);
    figures.fusion['res8_24h'] = await http(`/api/fusion?metric=noise_db&category=noise&res=8&${windowQuery(nowMs, DAY_MS)}`);
    log(`[${label}] hotspots ${JSON.stringify(figures.hotspots)}, fusion ${JSON.stringify(figures.fusion)}`);
  } finally {
    await app.close();
  }
  return figures;
}

/**
 * Gi* of 100,000 res-9 cells (a disc around Beijing), median of 5 runs after one warm-up: wall time,
 * and the process's CPU time, which is what the wall time would be on an idle core of this machine.
 */
function measureGiStar(): { ms: number; cpuMs: number; cells: number } {
  const cells = gridDisk(latLngToCell(39.9042, 116.4074, 9), 183).slice(0, 100_000);
  const random = new SeededRandom(7);
  const values = new Map(cells.map((cell) => [cell, random.next() * 100]));
  getisOrdGiStar(values);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    getisOrdGiStar(values);
    const used = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (list: number[]) => Math.round(list.sort((a, b) => a - b)[2]! * 10) / 10;
  return { ms: median(wall), cpuMs: median(cpu), cells: cells.length };
}

async function main(): Promise<void> {
  const gistar = measureGiStar();
  log(`Gi* of ${gistar.cells} cells: ${gistar.ms} ms wall, ${gistar.cpuMs} ms CPU (median of 5); load average ${loadavg()[0]!.toFixed(1)}`);
  const database = REUSE_URL ? { url: REUSE_URL, drop: async () => undefined } : await createTestDatabase(SERVER_URL);
  log(`Postgres database ${new URL(database.url).pathname.slice(1)} on ${new URL(database.url).host}, scale ${SCALE}, ${RUNS} warm runs per query`);
  let postgres: BackendFigures;
  const store = await openStore({ databaseUrl: database.url, maxConnections: 4 });
  try {
    postgres = await measureBackend(store, store.kind, SCALE, REUSE_URL !== undefined);
  } finally {
    await store.close();
    if (KEEP) log(`kept the loaded database: pnpm bench:query --database ${database.url}`);
    else if (!REUSE_URL) await database.drop();
  }
  let pglite: BackendFigures | undefined;
  if (WITH_PGLITE) {
    const embedded = await openStore();
    try {
      pglite = await measureBackend(embedded, 'pglite', SCALE / 10);
    } finally {
      await embedded.close();
    }
  }
  const { seedS, ...postgresFigures } = postgres;
  const summary = {
    bench: 'query', backend: store.kind, scale: SCALE, runs: RUNS, seedS, ...postgresFigures,
    gistar100k: { ms: gistar.ms, cpuMs: gistar.cpuMs },
    loadAverage: { start: Math.round(LOAD_AT_START * 10) / 10, end: Math.round(loadavg()[0]! * 10) / 10 },
    ...(pglite ? { pglite: { readings: pglite.readings, appeals: pglite.appeals, seedS: pglite.seedS, cells: pglite.cells, hotspots: pglite.hotspots, fusion: pglite.fusion } } : {}),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
