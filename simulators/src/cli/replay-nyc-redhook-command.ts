import { join } from 'node:path';
import { DEFAULT_TOPIC_PREFIX } from '@citytwin/shared';
import { parseRedHookLocations, parseRedHookReadings } from '../replay/redhook-sensors';
import { selectRows } from '../replay/replay-source';
import { UsageError, readDataFile, userPath, type CliIo } from './cli-io';
import { runImportAppeals } from './import-appeals-command';
import { intFlag, parseFlags, speedFlag } from './parse-flags';
import { replayWithProgress } from './replay-with-progress';

export const REPLAY_NYC_REDHOOK_HELP = `Usage: pnpm twin replay nyc-redhook [options]

Puts a real physical + human case on the map (run the stack with CITY=nyc):
imports the 2016 NYC 311 noise complaints of Red Hook (ZIP 11231) through the
appeals import API, then replays the Red Hook sound-level sensors (4-hour
bins, June-July 2016) as noise_db readings with their original timestamps.
Sensors without coordinates in the source (sensor_4) are not replayed; lux
and the PPD42 particle count have no catalogue metric.

Options:
  --dir <folder>       the data folder holding nyc/sensors/redhook_*.csv and nyc/311/nyc311_redhook_2016_as10724.csv (required)
  --speed <x>          recorded seconds per real second (default 14400: a 4-hour bin a second; max = as fast as possible)
  --api-url <url>      API base URL (default http://127.0.0.1:8080)
  --api-key <key>      operator or admin key for the import (or env CITYTWIN_API_KEY)
  --no-appeals         replay the sensors only
  --qos <0|1>          MQTT QoS (default 1)
  --mqtt-url <url>     broker (default mqtt://127.0.0.1:1883)
  --topic-prefix <p>   first topic level (default citytwin)

Example:
  CITY=nyc pnpm start   # then, in another shell:
  pnpm twin replay nyc-redhook --dir ../shared/data --api-key dev-operator
`;

const FLAGS = {
  dir: { type: 'string' }, speed: { type: 'string' }, 'api-url': { type: 'string' }, 'api-key': { type: 'string' }, 'no-appeals': { type: 'boolean' },
  qos: { type: 'string' }, 'mqtt-url': { type: 'string' }, 'topic-prefix': { type: 'string' },
} as const;

/** The recordings, where `--dir` holds them, and what each is (for the one-line message when one is missing; import-appeals names its own). */
const FILES = {
  locations: { path: 'nyc/sensors/redhook_sensor_locations.csv', what: 'the Red Hook sensor sites (sensor,site,address,lat,lon), NYU class data of 2016' },
  readings: { path: 'nyc/sensors/redhook_LuxDustNoise_summarized_4hour_2016.csv', what: 'the Red Hook light, dust and noise readings in 4-hour bins, June-July 2016 (NYU class data)' },
  complaints: { path: 'nyc/311/nyc311_redhook_2016_as10724.csv' },
};

/** `twin replay nyc-redhook`: returns the exit code. */
export async function runReplayNycRedHook(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, FLAGS);
  if (values.help) return io.stdout.write(REPLAY_NYC_REDHOOK_HELP), 0;
  const speed = speedFlag(values.speed, 14_400);
  const qos = intFlag('qos', values.qos, 1, 0, 1) as 0 | 1;
  const apiKey = values['api-key'] ?? process.env['CITYTWIN_API_KEY'];
  if (!values['no-appeals'] && !apiKey) throw new UsageError('--api-key (or CITYTWIN_API_KEY) is required to import the 311 complaints (or pass --no-appeals)');
  if (!values.dir) throw new UsageError(`--dir <folder> is required: the folder holding ${FILES.readings.path} and the other Red Hook recordings`);
  const dir = userPath(values.dir);
  const located = parseRedHookLocations(await readDataFile(join(dir, FILES.locations.path), FILES.locations.what));
  const { rows, skipped } = parseRedHookReadings(await readDataFile(join(dir, FILES.readings.path), FILES.readings.what), located);
  if (!values['no-appeals']) {
    const code = await runImportAppeals(['--format', 'nyc311', '--api', values['api-url'] ?? 'http://127.0.0.1:8080', '--key', apiKey!, join(dir, FILES.complaints.path)], io);
    if (code !== 0) return code;
  }
  io.stdout.write(`${located.sensors.size} sensors (${located.withoutLocation.join(', ') || 'none'} without coordinates: ${skipped} rows not replayed), ${rows.length} noise readings\n`);
  return replayWithProgress(io, {
    mqttUrl: values['mqtt-url'] ?? 'mqtt://127.0.0.1:1883', clientName: 'replay-redhook', sensors: [...located.sensors.values()],
    rows: selectRows(rows), topicPrefix: values['topic-prefix'] ?? DEFAULT_TOPIC_PREFIX, speed, shiftMs: 0, intervalMs: 4 * 3_600_000, qos,
  });
}
