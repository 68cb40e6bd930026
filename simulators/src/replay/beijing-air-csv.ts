import { parse } from 'csv-parse/sync';
import type { MetricCode } from '@citytwin/shared';
import { LocalClock } from '../time/local-clock';

/**
 * UCI multi-site columns that have a catalogue metric. SO2 and CO have none
 * (nor PRES, DEWP, RAIN, wd, WSPM), so they are not replayed.
 */
export const BEIJING_AIR_COLUMNS: ReadonlyArray<readonly [column: string, metric: MetricCode]> = [
  ['PM2.5', 'pm25'], ['PM10', 'pm10'], ['NO2', 'no2'], ['O3', 'o3'], ['TEMP', 'temperature_c'],
];

/** One hour of one station: the values present (NA left out). */
export interface BeijingAirRow {
  tsMs: number;
  station: string;
  values: Partial<Record<MetricCode, number>>;
}

const beijingClock = new LocalClock('Asia/Shanghai');

/**
 * Parses a `PRSA_Data_<Station>_20130301-20170228.csv` file. Its year, month,
 * day, hour are Beijing local time (UTC+8); `NA` marks a missing value.
 *
 * @example parseBeijingAirCsv(text)[0] // { tsMs: 2013-02-28T16:00Z, station: 'Dongsi', values: { pm25: 9, ... } }
 */
export function parseBeijingAirCsv(text: string): BeijingAirRow[] {
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  return rows.map((row) => {
    const values: Partial<Record<MetricCode, number>> = {};
    for (const [column, metric] of BEIJING_AIR_COLUMNS) {
      const text = row[column];
      if (text === undefined || text === '' || text === 'NA') continue;
      const value = Number(text);
      if (Number.isFinite(value)) values[metric] = value;
    }
    const tsMs = beijingClock.fromLocal(Number(row['year']), Number(row['month']), Number(row['day']), Number(row['hour']));
    return { tsMs, station: row['station'] ?? '', values };
  });
}
