import { readFile } from 'node:fs/promises';
import { CITY_PROFILES, DEFAULT_TOPIC_PREFIX, type BBox, type CityProfile, type Datum } from '@citytwin/shared';
import { bboxArea, type Area } from '../geo/area';
import { areaFromGeoJson } from '../geo/geojson-area';
import { FleetMessageSource, metaMessages, type FleetPlan } from '../fleet/fleet-messages';
import { layOutFleetInArea } from '../fleet/fleet-layout';
import { parseFaultRates } from '../fleet/sensor-faults';
import { connectPublisher } from '../mqtt/connect-publisher';
import { FleetPublisher } from '../mqtt/fleet-publisher';
import { SeededRandom } from '../random/seeded-random';
import { Pacer } from '../time/pacer';
import { UsageError, userPath, type CliIo } from './cli-io';
import { cityFlag, durationFlag, intFlag, parseFlags, rateFlag } from './parse-flags';
import { startProgressLine } from './progress-line';
import { stopOnInterrupt } from './stop-signal';

export const SIMULATE_SENSORS_HELP = `Usage: pnpm twin simulate sensors [options]

Publishes a simulated sensor fleet to MQTT: retained meta per sensor, then
readings with daily/weekly patterns, at a target total rate, until Ctrl-C.

Options:
  --sensors <n>        fleet size (default 500, up to 100000)
  --rate <r>           total messages per second: 5000/s, 300/min (default: each sensor every 10 s)
  --format <f>         native | senml (default native)
  --pack <n>           samples per SenML pack (default 1)
  --qos <0|1>          MQTT QoS of readings (default 0)
  --city <code>        beijing | nyc (default beijing)
  --bbox <w,s,e,n>     place sensors in this box instead of the city's core
  --boundary <file>    place sensors inside the polygons of a GeoJSON file
  --datum <d>          wgs84 | gcj02: the boundary file's datum (default: the city profile's for its files, else wgs84)
  --faults <spec>      none | realistic | dropout=0.01,stuck=..,spike=..,skew=..,malformed=..,duplicate=..
  --seed <n>           deterministic layout and values (default 1)
  --duration <d>       stop after 90s, 10m, ... (default: until Ctrl-C)
  --mqtt-url <url>     broker (default mqtt://127.0.0.1:1883)
  --topic-prefix <p>   first topic level (default citytwin)

Examples:
  pnpm twin simulate sensors
  pnpm twin simulate sensors --sensors 20000 --rate 5000/s --duration 30s
  pnpm twin simulate sensors --format senml --pack 50 --qos 1 --faults realistic
  pnpm twin simulate sensors --city nyc --boundary api/cities/nyc/boroughs.geojson
  pnpm twin simulate sensors --boundary api/cities/beijing/districts.geojson   # GCJ-02, converted
`;

const FLAGS = {
  sensors: { type: 'string' }, rate: { type: 'string' }, format: { type: 'string' }, pack: { type: 'string' }, qos: { type: 'string' },
  city: { type: 'string' }, bbox: { type: 'string' }, boundary: { type: 'string' }, datum: { type: 'string' }, faults: { type: 'string' }, seed: { type: 'string' },
  duration: { type: 'string' }, 'mqtt-url': { type: 'string' }, 'topic-prefix': { type: 'string' },
} as const;

/** Parses `--bbox w,s,e,n`. */
export function bboxFlag(text: string): BBox {
  const parts = text.split(',').map(Number);
  const [west, south, east, north] = parts;
  if (parts.length !== 4 || parts.some((part) => !Number.isFinite(part)) || !(west! < east! && south! < north!)) {
    throw new UsageError(`--bbox: "${text}" is not west,south,east,north in degrees`);
  }
  return [west!, south!, east!, north!];
}

/** The datum of a boundary file: as given, else as a city profile lists that file, else WGS84. */
function boundaryDatum(path: string, given: string | undefined, city: CityProfile): Datum {
  if (given !== undefined && given !== 'wgs84' && given !== 'gcj02') throw new UsageError(`--datum: "${given}" is not wgs84 or gcj02`);
  return (given as Datum | undefined) ?? city.boundaries.find((file) => path.endsWith(file.path))?.datum ?? 'wgs84';
}

async function fleetArea(values: { bbox?: string; boundary?: string; datum?: string }, city: CityProfile): Promise<Area> {
  if (values.bbox && values.boundary) throw new UsageError('--bbox and --boundary exclude each other');
  if (values.bbox) return bboxArea(bboxFlag(values.bbox));
  if (!values.boundary) return bboxArea(city.simulationBounds);
  const path = userPath(values.boundary);
  const datum = boundaryDatum(path, values.datum, city);
  try {
    return areaFromGeoJson(JSON.parse(await readFile(path, 'utf8')), datum);
  } catch (error) {
    throw new UsageError(`--boundary: ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

type SensorsFlags = ReturnType<typeof parseFlags<typeof FLAGS>>['values'];

/** Checks and resolves the flags into a fleet plan (sensors laid out) and run settings. */
async function fleetSettings(values: SensorsFlags) {
  const city = cityFlag(values.city, CITY_PROFILES.beijing);
  const count = intFlag('sensors', values.sensors, 500, 1, 100_000);
  const format = values.format ?? 'native';
  if (format !== 'native' && format !== 'senml') throw new UsageError(`--format: "${format}" is not native or senml`);
  const pack = intFlag('pack', values.pack, 1, 1, 1000);
  const seed = intFlag('seed', values.seed, 1, 0, 2 ** 31 - 1);
  const ratePerS = values.rate ? rateFlag(values.rate) : count / 10;
  const faults = parseFaultRatesFlag(values.faults);
  const area = await fleetArea(values, city);
  return {
    qos: intFlag('qos', values.qos, 0, 0, 1) as 0 | 1,
    durationMs: durationFlag('duration', values.duration),
    ratePerS,
    plan: {
      sensors: layOutFleetInArea(count, area, new SeededRandom(seed), 'sim'), seed, timeZone: city.timeZone, periodMs: (count * 1000) / ratePerS,
      startMs: 0, format, pack, topicPrefix: values['topic-prefix'] ?? DEFAULT_TOPIC_PREFIX, ...(faults ? { faults } : {}),
    } satisfies FleetPlan,
  };
}

/** `twin simulate sensors`: returns the exit code. */
export async function runSimulateSensors(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, FLAGS);
  if (values.help) return io.stdout.write(SIMULATE_SENSORS_HELP), 0;
  const { qos, durationMs, ratePerS, plan } = await fleetSettings(values);
  const client = await connectPublisher(values['mqtt-url'] ?? 'mqtt://127.0.0.1:1883', 'fleet');
  const publisher = new FleetPublisher(client, qos);
  const stop = stopOnInterrupt();
  for (const message of metaMessages(plan.sensors, plan.periodMs / plan.pack, plan.topicPrefix)) publisher.publish(message);
  await publisher.settle(true);
  const metaSent = publisher.stats.sent;
  const startMs = Date.now();
  const progress = startProgressLine(io, () => ({ ...publisher.stats, sent: publisher.stats.sent - metaSent }));
  io.stdout.write(`${plan.sensors.length} sensors announced; publishing ${plan.format} at ${Math.round(ratePerS)} msg/s (each sensor every ${(plan.periodMs / 1000).toFixed(1)} s)\n`);
  const source = new FleetMessageSource({ ...plan, startMs });
  await publisher.run(source, new Pacer(startMs, 1), { qos, endMs: durationMs === undefined ? Infinity : startMs + durationMs, signal: stop.signal });
  await publisher.settle(true);
  progress.stop();
  stop.dispose();
  await client.endAsync();
  const seconds = (Date.now() - startMs) / 1000;
  const { sent, errors, readings } = publisher.stats;
  io.stdout.write(`totals: ${sent - metaSent} messages, ${readings} readings, ${errors} errors in ${seconds.toFixed(1)} s = ${Math.round((sent - metaSent) / seconds)} msg/s sustained\n`);
  return 0;
}

function parseFaultRatesFlag(text: string | undefined) {
  if (text === undefined) return undefined;
  try {
    return parseFaultRates(text);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
