// pnpm bench:backfill — starts the all-in-one on its built-in simulation with an empty store
// (embedded PGlite in a new folder, or the empty database at BENCH_DATABASE_URL) and times the
// 28-day history backfill, while it asks the HTTP API over and over how it is doing: the
// latency of /api/health/live and of a map request (/api/cells) during the backfill is what a
// visitor of the first minute sees. Progress on stderr, one JSON line last on stdout.
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig, startStack } from '@citytwin/api';
import { percentile } from './request-timing';

const databaseUrl = process.env['BENCH_DATABASE_URL'];
const dataDir = await mkdtemp(join(tmpdir(), 'citytwin-backfill-bench-'));
const logger = pino({ level: 'info' }, {
  write(line: string) {
    const entry = JSON.parse(line) as { msg: string };
    if (entry.msg.startsWith('history')) process.stderr.write(`${entry.msg}\n`);
  },
});
const loadBefore = loadavg()[0]!;
const stack = await startStack(loadConfig({
  PORT: '0', MQTT_PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
}), logger);
if (!stack.backfill) throw new Error('no backfill started: the store is not empty');
let done = false;
const finished = stack.backfill.done.finally(() => { done = true; });
const probes = { live: [] as number[], cells: [] as number[] };
const probe = async (key: keyof typeof probes, path: string) => {
  const startMs = performance.now();
  const response = await fetch(`${stack.url}${path}`);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  probes[key].push(performance.now() - startMs);
};
// BENCH_PROBES=off: no requests during the backfill (what it costs alone).
const probing = process.env['BENCH_PROBES'] !== 'off';
while (!done && probing) {
  await probe('live', '/api/health/live');
  await probe('cells', '/api/cells?layer=physical&metric=noise_db&res=8');
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const result = await finished;
await stack.close();
await rm(dataDir, { recursive: true, force: true });
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms);
  return { n: sorted.length, p50Ms: round(percentile(sorted, 0.5)), p95Ms: round(percentile(sorted, 0.95)), maxMs: round(sorted.at(-1) ?? Number.NaN) };
};
process.stdout.write(`${JSON.stringify({
  bench: 'history-backfill', store: stack.store.kind, days: result.days, readings: result.readings, appeals: result.appeals, seconds: result.seconds,
  duringBackfill: { healthLive: summary(probes.live), cells: summary(probes.cells) }, loadAverage: [Number(loadBefore.toFixed(1)), Number(loadavg()[0]!.toFixed(1))],
})}\n`);
process.exit(0);
