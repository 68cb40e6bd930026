// pnpm bench:trends — Emerging Hot Spot Analysis of 10,000 cells x 30 steps.
// Progress on stderr, one JSON line last on stdout.
import { gridDisk, latLngToCell } from 'h3-js';
import { analyseEmergingHotspots, type SpaceTimeCube } from '@citytwin/shared';

const CELLS = Number(process.env['BENCH_CELLS'] ?? 10_000);
const STEPS = Number(process.env['BENCH_STEPS'] ?? 30);
const RUNS = 5;

/** A deterministic pseudo-random sequence (mulberry32), so every run sees the same cube. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildCube(): SpaceTimeCube {
  const centre = latLngToCell(39.9042, 116.4074, 9);
  let k = 1;
  while (1 + 3 * k * (k + 1) < CELLS) k += 1;
  const cells = gridDisk(centre, k).slice(0, CELLS);
  const next = random(20260601);
  const rising = new Set(gridDisk(centre, 3));
  const values = new Float64Array(CELLS * STEPS);
  for (let t = 0; t < STEPS; t += 1) {
    for (let i = 0; i < CELLS; i += 1) values[t * CELLS + i] = Math.floor(next() * 4) + (rising.has(cells[i]!) ? t : 0);
  }
  return { cells, steps: STEPS, values };
}

const cube = buildCube();
process.stderr.write(`cube: ${CELLS} cells x ${STEPS} steps\n`);
const timesMs: number[] = [];
const cpuMs: number[] = [];
let patterns: Record<string, number> = {};
for (let run = 0; run < RUNS; run += 1) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const cells = analyseEmergingHotspots(cube, { rings: 1, timeLag: 1 });
  timesMs.push(performance.now() - started);
  const cpu = process.cpuUsage(cpuStarted);
  cpuMs.push((cpu.user + cpu.system) / 1000);
  patterns = {};
  for (const cell of cells) patterns[cell.pattern] = (patterns[cell.pattern] ?? 0) + 1;
  process.stderr.write(`run ${run + 1}/${RUNS}: ${timesMs[run]!.toFixed(0)} ms (CPU ${cpuMs[run]!.toFixed(0)} ms)\n`);
}
const sorted = [...timesMs].sort((a, b) => a - b);
const sortedCpu = [...cpuMs].sort((a, b) => a - b);
// CPU time includes the garbage collector's threads; the load average says how shared the machine was.
const loadAverage = (await import('node:os')).loadavg()[0]!;
process.stdout.write(
  `${JSON.stringify({ bench: 'trends', cells: CELLS, steps: STEPS, bins: CELLS * STEPS, rings: 1, timeLag: 1, runs: RUNS, firstMs: Math.round(timesMs[0]!), medianMs: Math.round(sorted[RUNS >> 1]!), minMs: Math.round(sorted[0]!), medianCpuMs: Math.round(sortedCpu[RUNS >> 1]!), loadAverage: Number(loadAverage.toFixed(2)), patterns })}\n`,
);
