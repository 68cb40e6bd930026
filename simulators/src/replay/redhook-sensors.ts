import { parse } from 'csv-parse/sync';
import type { SimulatedSensor } from '../fleet/fleet-layout';
import { LocalClock } from '../time/local-clock';
import type { RecordedRow } from './replay-source';

/** The Red Hook sensors with known coordinates, and those without (not replayed). */
export interface RedHookSensors {
  sensors: Map<string, SimulatedSensor & { name: string }>;
  withoutLocation: string[];
}

/** Parses `redhook_sensor_locations.csv` (sensor, site, address, lat, lon, coord_source). */
export function parseRedHookLocations(text: string): RedHookSensors {
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  const sensors = new Map<string, SimulatedSensor & { name: string }>();
  const withoutLocation: string[] = [];
  for (const row of rows) {
    const lat = Number(row['lat']);
    const lng = Number(row['lon']);
    const id = row['sensor'] ?? '';
    if (!row['lat'] || !row['lon'] || !Number.isFinite(lat) || !Number.isFinite(lng)) {
      withoutLocation.push(id);
      continue;
    }
    sensors.set(id, { id: `redhook-${id}`, name: `Red Hook ${id}: ${row['site'] ?? ''}`.trim(), kind: 'noise', lat, lng, metrics: ['noise_db'] });
  }
  return { sensors, withoutLocation };
}

const newYork = new LocalClock('America/New_York');

/**
 * Rows of `redhook_LuxDustNoise_summarized_4hour_2016.csv` (dt, sensor, lux,
 * con, spl) for the located sensors: `spl` (sound level, dB) becomes noise_db,
 * stamped at the start of its 4-hour bin, New York time. `lux` (light) and
 * `con` (a PPD42 particle count, not µg/m³) have no catalogue metric.
 */
export function parseRedHookReadings(text: string, located: RedHookSensors): { rows: RecordedRow[]; skipped: number } {
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  const rows: RecordedRow[] = [];
  let skipped = 0;
  for (const record of records) {
    const sensor = located.sensors.get(record['sensor'] ?? '');
    const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})/.exec(record['dt'] ?? '');
    const spl = Number(record['spl']);
    if (!sensor || !match || record['spl'] === '' || !Number.isFinite(spl)) {
      skipped += 1;
      continue;
    }
    const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
    rows.push({ tsMs: newYork.fromLocal(year, month, day, hour, minute), sensor, values: { noise_db: Number(spl.toFixed(2)) } });
  }
  return { rows, skipped };
}
