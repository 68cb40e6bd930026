// pnpm bench:compression [--sensors N] [--days D] [--rollups]: loads a city-like day of readings (one a
// minute per sensor and metric) into the TimescaleDB build of PGlite, compresses every chunk with the
// settings CityTwin uses (segment by sensor_id, metric) and prints the ratio. `--rollups` also compresses
// the rollup tiers those readings made (cell_rollups) and prints their line first. Progress on stderr,
// the readings' JSON line last.
import { parseArgs } from 'node:util';
import { cellAtLatLng, type MetricCode, type Reading } from '@citytwin/shared';
import { findPhysicalCells, insertReadingsBatch, settleRollups } from '@citytwin/store';
import { openTestStore } from '@citytwin/store/testing';

const { values } = parseArgs({ options: { sensors: { type: 'string', default: '200' }, days: { type: 'string', default: '2' }, rollups: { type: 'boolean', default: false } } });
const SENSORS = Number(values.sensors);
const DAYS = Number(values.days);
const METRICS: Array<{ metric: MetricCode; base: number; step: number; decimals: number }> = [
  { metric: 'pm25', base: 35, step: 1.5, decimals: 1 },
  { metric: 'noise_db', base: 55, step: 0.8, decimals: 1 },
];
const T0_MS = Date.parse('2026-06-01T00:00:00Z');
const MINUTES = DAYS * 24 * 60;

/** A deterministic random walk per sensor and metric, rounded like real sensor output. */
function* readings(): Generator<Reading> {
  let seed = 20260601;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const sensors = Array.from({ length: SENSORS }, (_, i) => ({
    id: `bench-${i}`, cell: cellAtLatLng({ lat: 39.8 + (i % 20) * 0.01, lng: 116.3 + Math.floor(i / 20) * 0.01 }, 9),
    values: METRICS.map((m) => m.base + random() * 10),
  }));
  for (let minute = 0; minute < MINUTES; minute += 1) {
    for (const sensor of sensors) {
      for (const [index, m] of METRICS.entries()) {
        const value = Math.max(0, sensor.values[index]! + (random() - 0.5) * 2 * m.step);
        sensor.values[index] = value;
        yield { sensorId: sensor.id, metric: m.metric, tsMs: T0_MS + minute * 60_000, value: Number(value.toFixed(m.decimals)), cell: sensor.cell };
      }
    }
  }
}

const store = await openTestStore('timescaledb');
const total = SENSORS * METRICS.length * MINUTES;
let batch: Reading[] = [];
let loaded = 0;
const started = performance.now();
for (const reading of readings()) {
  batch.push(reading);
  if (batch.length === 20_000) {
    loaded += await insertReadingsBatch(store.db, batch);
    batch = [];
    process.stderr.write(`\rloaded ${loaded}/${total} readings`);
  }
}
loaded += await insertReadingsBatch(store.db, batch);
await settleRollups(store.db);
process.stderr.write(`\rloaded ${loaded}/${total} readings in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);

const sizeSql = `SELECT coalesce(sum(total_bytes), 0)::float8 AS bytes FROM chunks_detailed_size('readings')`;
const [before] = await store.db.query<{ bytes: number }>(sizeSql);
const chunks = await store.db.query<{ chunk: string }>("SELECT compress_chunk(c, if_not_compressed => true)::text AS chunk FROM show_chunks('readings') AS c");
process.stderr.write(`compressed ${chunks.length} chunks\n`);
const [stats] = await store.db.query<{ before: number; after: number }>(
  `SELECT sum(before_compression_total_bytes)::float8 AS before, sum(after_compression_total_bytes)::float8 AS after FROM chunk_compression_stats('readings')`,
);
const [check] = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM readings');
if (values.rollups) await measureRollups();
await store.close();
/** Median ms of 10 map reads (res 8, the whole loaded window, from the rollups) after one warm-up. */
async function timeMapRead(): Promise<number> {
  const window = { res: 8, fromMs: T0_MS, toMs: T0_MS + DAYS * 86_400_000 };
  await findPhysicalCells(store.db, 'pm25', window);
  const times: number[] = [];
  for (let run = 0; run < 10; run += 1) {
    const started = performance.now();
    await findPhysicalCells(store.db, 'pm25', window);
    times.push(performance.now() - started);
  }
  return Number(times.sort((a, b) => a - b)[5]!.toFixed(1));
}

/** The same for the rollup tiers (segment by metric, width_s; order by cell, bucket), and a map read before and after. */
async function measureRollups(): Promise<void> {
  const readMsBefore = await timeMapRead();
  const rollupChunks = await store.db.query("SELECT compress_chunk(c, if_not_compressed => true) FROM show_chunks('cell_rollups') AS c");
  const [sizes] = await store.db.query<{ before: number; after: number }>(
    `SELECT sum(before_compression_total_bytes)::float8 AS before, sum(after_compression_total_bytes)::float8 AS after FROM chunk_compression_stats('cell_rollups')`,
  );
  const [rows] = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cell_rollups');
  const readMsAfter = await timeMapRead();
  const before = sizes?.before ?? 0;
  const after = sizes?.after ?? 0;
  const n = rows?.n ?? 0;
  process.stdout.write(`${JSON.stringify({
    bench: 'compression-rollups', engine: 'pglite-timescaledb', sensors: SENSORS, days: DAYS, rows: n, chunks: rollupChunks.length,
    beforeBytes: before, afterBytes: after, ratio: Number((before / after).toFixed(2)), bytesPerRowBefore: Number((before / n).toFixed(1)), bytesPerRowAfter: Number((after / n).toFixed(2)),
    readMsBefore, readMsAfter,
  })}\n`);
}

const beforeBytes = stats?.before ?? before?.bytes ?? 0;
const afterBytes = stats?.after ?? 0;
process.stdout.write(`${JSON.stringify({
  bench: 'compression', engine: 'pglite-timescaledb', sensors: SENSORS, metrics: METRICS.length, days: DAYS, readings: loaded, readBack: check?.n ?? 0, chunks: chunks.length,
  beforeBytes, afterBytes, ratio: Number((beforeBytes / afterBytes).toFixed(2)),
  bytesPerReadingBefore: Number((beforeBytes / loaded).toFixed(1)), bytesPerReadingAfter: Number((afterBytes / loaded).toFixed(2)),
})}\n`);
