import type { Reading } from '@citytwin/shared';
import { cellAtLatLng } from '@citytwin/shared';

/** Sensors of one benchmark phase, spread over central Beijing. */
export const BENCH_SENSORS = 1000;
const T0_MS = Date.parse('2026-01-01T00:00:00Z');

/** Where sensor `s` of the benchmark stands (deterministic). */
export function sensorAt(s: number): { lat: number; lng: number } {
  return { lat: 39.85 + (s % 40) * 0.004, lng: 116.3 + Math.floor(s / 40) * 0.008 };
}

/** Native message `i` of phase `phase`: one pm25 reading, unique (sensor, ts). */
export function nativeMessage(prefix: string, phase: string, i: number): { topic: string; payload: string } {
  const s = i % BENCH_SENSORS;
  const ts = T0_MS + Math.floor(i / BENCH_SENSORS) * 1000;
  return { topic: `${prefix}/sensors/${phase}-${s}`, payload: JSON.stringify({ ts, ...sensorAt(s), values: { pm25: (i % 997) / 7 } }) };
}

/** SenML pack `p` of `size` pm25 records one second apart, located by lat/lon records. */
export function senmlPack(prefix: string, phase: string, p: number, size: number): { topic: string; payload: string } {
  const s = p % BENCH_SENSORS;
  const where = sensorAt(s);
  const bt = (T0_MS + Math.floor(p / BENCH_SENSORS) * size * 1000) / 1000;
  const records: Array<Record<string, unknown>> = [{ bn: `${phase}-${s}/`, bt, n: 'lat', v: where.lat }, { n: 'lon', v: where.lng }];
  for (let r = 0; r < size; r += 1) records.push({ n: 'pm25', t: r, v: ((p + r) % 997) / 7 });
  return { topic: `${prefix}/sensors/${phase}-${s}`, payload: JSON.stringify(records) };
}

/** The readings `n` native messages of a phase carry (for the COPY baseline). */
export function nativeReadings(phase: string, n: number): Reading[] {
  const cells = Array.from({ length: BENCH_SENSORS }, (_, s) => cellAtLatLng(sensorAt(s), 9));
  return Array.from({ length: n }, (_, i) => ({
    sensorId: `${phase}-${i % BENCH_SENSORS}`, metric: 'pm25' as const, tsMs: T0_MS + Math.floor(i / BENCH_SENSORS) * 1000,
    value: (i % 997) / 7, cell: cells[i % BENCH_SENSORS]!,
  }));
}

/** The readings `packs` SenML packs of a phase carry (for the COPY baseline). */
export function senmlReadings(phase: string, packs: number, size: number): Reading[] {
  const cells = Array.from({ length: BENCH_SENSORS }, (_, s) => cellAtLatLng(sensorAt(s), 9));
  const readings: Reading[] = [];
  for (let p = 0; p < packs; p += 1) {
    const s = p % BENCH_SENSORS;
    const btMs = T0_MS + Math.floor(p / BENCH_SENSORS) * size * 1000;
    for (let r = 0; r < size; r += 1) readings.push({ sensorId: `${phase}-${s}`, metric: 'pm25', tsMs: btMs + r * 1000, value: ((p + r) % 997) / 7, cell: cells[s]! });
  }
  return readings;
}
