import { dirname, join } from 'node:path';
import { DEFAULT_TOPIC_PREFIX } from '@citytwin/shared';
import { BEIJING_AIR_COLUMNS, parseBeijingAirCsv } from '../replay/beijing-air-csv';
import { parseBeijingStations, stationSensor } from '../replay/beijing-stations';
import { selectRows, type RecordedRow } from '../replay/replay-source';
import { shiftToNow } from '../replay/run-replay';
import { UsageError, readDataFile, userPath, type CliIo } from './cli-io';
import { instantFlag, intFlag, parseFlags, speedFlag } from './parse-flags';
import { replayWithProgress } from './replay-with-progress';

export const REPLAY_BEIJING_AIR_HELP = `Usage: pnpm twin replay beijing-air <csv...> [options]

Replays UCI "Beijing Multi-Site Air Quality" files (PRSA_Data_<Station>_*.csv)
as sensor readings of the station (bj-air-<station code>) at its real position
(from stations.csv). Hours are read as Beijing time. PM2.5, PM10, NO2, O3 and
TEMP are replayed (SO2 and CO have no catalogue metric); NA values are skipped.

Options:
  --speed <x>          recorded seconds per real second (default 3600: an hour a second; max = as fast as possible)
  --from <date>        first instant to replay (ISO, e.g. 2016-12-01 or 2016-12-01T00:00+08:00)
  --to <date>          replay up to (excluding) this instant
  --shift-to-now       move timestamps so the replay's last reading is stamped now
  --stations <file>    station list (default: stations.csv beside the first CSV)
  --qos <0|1>          MQTT QoS (default 1)
  --mqtt-url <url>     broker (default mqtt://127.0.0.1:1883)
  --topic-prefix <p>   first topic level (default citytwin)

Examples:
  pnpm twin replay beijing-air ../shared/data/beijing/air/PRSA_Data_Dongsi_20130301-20170228.csv --speed max
  pnpm twin replay beijing-air ../shared/data/beijing/air/PRSA_Data_*.csv --from 2016-12-15 --to 2016-12-22 --shift-to-now
`;

const FLAGS = {
  speed: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'shift-to-now': { type: 'boolean' }, stations: { type: 'string' },
  qos: { type: 'string' }, 'mqtt-url': { type: 'string' }, 'topic-prefix': { type: 'string' },
} as const;

/** What the files are and where they come from, for the one-line message when one is missing. */
const AIR_CSV = 'an hourly file of the UCI "Beijing Multi-Site Air Quality" data set (PRSA_Data_<Station>_*.csv, CC BY 4.0, doi:10.24432/C5RK5G)';
const STATIONS_CSV = "the list of Beijing's national air monitoring stations (station,station_code,name_zh,lon,lat); pass --stations <file>";

/** Reads the station list and the CSVs into time-sorted rows. */
export async function loadBeijingAirRows(files: readonly string[], stationsPath: string, fromMs?: number, toMs?: number) {
  let stations: ReturnType<typeof parseBeijingStations> | undefined;
  const sensors = new Map<string, ReturnType<typeof stationSensor>>();
  const rows: RecordedRow[] = [];
  for (const file of files) {
    const text = await readDataFile(file, AIR_CSV);
    // Read after the first CSV, so a mistyped CSV path is what the message names.
    stations ??= parseBeijingStations(await readDataFile(stationsPath, STATIONS_CSV));
    for (const row of parseBeijingAirCsv(text)) {
      const station = stations.get(row.station);
      if (!station) throw new UsageError(`${file}: station "${row.station}" is not in ${stationsPath}`);
      const sensor = sensors.get(row.station) ?? stationSensor(station);
      sensors.set(row.station, sensor);
      rows.push({ tsMs: row.tsMs, sensor, values: row.values });
    }
  }
  return { sensors: [...sensors.values()], rows: selectRows(rows, fromMs, toMs) };
}

/** `twin replay beijing-air`: returns the exit code. */
export async function runReplayBeijingAir(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, FLAGS, true);
  if (values.help) return io.stdout.write(REPLAY_BEIJING_AIR_HELP), 0;
  if (positionals.length === 0) throw new UsageError('give at least one PRSA_Data_<Station>_*.csv file');
  const speed = speedFlag(values.speed, 3600);
  const qos = intFlag('qos', values.qos, 1, 0, 1) as 0 | 1;
  const files = positionals.map((file) => userPath(file));
  const stationsPath = values.stations ? userPath(values.stations) : join(dirname(files[0]!), 'stations.csv');
  const { sensors, rows } = await loadBeijingAirRows(files, stationsPath, instantFlag('from', values.from), instantFlag('to', values.to));
  const expected = rows.reduce((sum, row) => sum + Object.keys(row.values).length, 0);
  const shiftMs = values['shift-to-now'] ? shiftToNow(rows, Date.now()) : 0;
  io.stdout.write(`${sensors.length} stations, ${rows.length} hours, ${expected} readings (${BEIJING_AIR_COLUMNS.map(([column]) => column).join(', ')}; SO2 and CO have no catalogue metric)\n`);
  return replayWithProgress(io, {
    mqttUrl: values['mqtt-url'] ?? 'mqtt://127.0.0.1:1883', clientName: 'replay-beijing-air', sensors, rows,
    topicPrefix: values['topic-prefix'] ?? DEFAULT_TOPIC_PREFIX, speed, shiftMs, intervalMs: 3_600_000, qos,
  });
}
