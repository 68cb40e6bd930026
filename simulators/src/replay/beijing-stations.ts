import { parse } from 'csv-parse/sync';
import type { SimulatedSensor } from '../fleet/fleet-layout';

/** One national monitoring station of stations.csv. */
export interface BeijingStation {
  station: string;
  code: string;
  nameZh: string;
  lat: number;
  lng: number;
}

/** Parses `beijing/air/stations.csv` (station, station_code, name_zh, lon, lat). */
export function parseBeijingStations(text: string): Map<string, BeijingStation> {
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  return new Map(rows.map((row) => [row['station']!, { station: row['station']!, code: row['station_code']!, nameZh: row['name_zh']!, lat: Number(row['lat']), lng: Number(row['lon']) }]));
}

/** The replayed sensor of a station: `bj-air-<station code>`, an air sensor with the replayed metrics. */
export function stationSensor(station: BeijingStation): SimulatedSensor & { name: string } {
  return { id: `bj-air-${station.code}`, name: `${station.nameZh} ${station.station}`, kind: 'air', lat: station.lat, lng: station.lng, metrics: ['pm25', 'pm10', 'no2', 'o3', 'temperature_c'] };
}
