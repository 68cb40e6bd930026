import { CITY_PROFILES, METRICS, cellAtLatLng, type MetricCode, type Reading } from '@citytwin/shared';
import { AppealStream, SeededRandom, bboxArea, randomPointIn } from '@citytwin/simulators';
import { insertImportedAppeals, insertReadingsBatch, settleRollups, type Db, type ImportedAppeal } from '@citytwin/store';

/** The five metrics every bench sensor reports (an air-and-noise node). */
export const SEED_METRICS: readonly MetricCode[] = ['noise_db', 'pm25', 'pm10', 'no2', 'o3'];

export interface CityScaleOptions {
  /** Sensors, each reporting all of {@link SEED_METRICS}; default 2,000. */
  sensors?: number;
  /** Readings in all; default 10,000,000 (one per sensor and metric every 43.2 min over 30 days). */
  readings?: number;
  /** Appeals in all; default 500,000. */
  appeals?: number;
  days?: number;
  /** End of the loaded window (exclusive), epoch ms. */
  nowMs: number;
  seed?: number;
  /** Readings per `insertReadingsBatch` call (ingest's batch size by default). */
  batchSize?: number;
  /** Called now and then with what is loaded so far. */
  onProgress?: (done: { readings: number; appeals: number }) => void;
}

export interface CityScaleData {
  readings: number;
  appeals: number;
  sensors: number;
  fromMs: number;
  toMs: number;
}

// Mean and spread of each metric across the city; noise is 15 dB louder near a planted site.
const LEVELS: Record<string, [mean: number, spread: number]> = { noise_db: [55, 6], pm25: [60, 20], pm10: [90, 25], no2: [40, 10], o3: [80, 15] };
const LOUD_SITE = { lat: 39.92, lng: 116.43, radiusDeg: 0.01, extraDb: 15 };
const APPEAL_BATCH = 2000;

interface BenchSensor {
  id: string;
  cell: string;
  phaseMs: number;
  offsets: number[];
}

function layOutSensors(count: number, random: SeededRandom, intervalMs: number): BenchSensor[] {
  const area = bboxArea(CITY_PROFILES.beijing.simulationBounds);
  return Array.from({ length: count }, (_, i) => {
    const point = randomPointIn(area, random);
    const loud = Math.hypot(point.lat - LOUD_SITE.lat, point.lng - LOUD_SITE.lng) < LOUD_SITE.radiusDeg;
    return {
      id: `bench-${i}`,
      cell: cellAtLatLng(point, 9),
      phaseMs: Math.floor(random.next() * intervalMs),
      offsets: SEED_METRICS.map((metric) => random.gaussian() * LEVELS[metric]![1] * 0.6 + (metric === 'noise_db' && loud ? LOUD_SITE.extraDb : 0)),
    };
  });
}

function sampleValue(metric: MetricCode, index: number, sensor: BenchSensor, tsMs: number, random: SeededRandom): number {
  const [mean, spread] = LEVELS[metric]!;
  const daily = Math.sin((2 * Math.PI * (tsMs % 86_400_000)) / 86_400_000) * spread * 0.4;
  const value = mean + sensor.offsets[index]! + daily + random.gaussian() * spread * 0.3;
  const spec = METRICS[metric];
  return Math.round(Math.min(spec.max, Math.max(spec.min, value)) * 10) / 10;
}

async function seedReadings(db: Db, options: Required<Omit<CityScaleOptions, 'onProgress'>>, fromMs: number, progress: (readings: number) => void): Promise<number> {
  const random = new SeededRandom(options.seed);
  const perSeries = Math.floor(options.readings / (options.sensors * SEED_METRICS.length));
  const intervalMs = Math.floor((options.days * 86_400_000) / perSeries);
  const sensors = layOutSensors(options.sensors, random, intervalMs);
  let batch: Reading[] = [];
  let stored = 0;
  for (let k = 0; k < perSeries; k += 1) {
    for (const sensor of sensors) {
      const tsMs = fromMs + sensor.phaseMs + k * intervalMs;
      SEED_METRICS.forEach((metric, index) => batch.push({ sensorId: sensor.id, metric, tsMs, value: sampleValue(metric, index, sensor, tsMs, random), cell: sensor.cell }));
      if (batch.length >= options.batchSize) {
        stored += await insertReadingsBatch(db, batch);
        batch = [];
        progress(stored);
      }
    }
  }
  if (batch.length > 0) stored += await insertReadingsBatch(db, batch);
  // What the ingest worker's settler does as it goes: derive the hour and day tiers the reads use.
  await settleRollups(db);
  progress(stored);
  return stored;
}

function toImported(planned: ReturnType<AppealStream['next']>, index: number): ImportedAppeal {
  const { body } = planned;
  const id = `bench-appeal-${index}`;
  return {
    id, externalId: id, category: body.category, channel: body.channel, description: body.description,
    lat: body.lat, lng: body.lng, address: null, cell: cellAtLatLng(body, 9), receivedAtMs: planned.tsMs, steps: [], contact: null,
  };
}

async function seedAppeals(db: Db, options: Required<Omit<CityScaleOptions, 'onProgress'>>, fromMs: number, progress: (appeals: number) => void): Promise<number> {
  const city = CITY_PROFILES.beijing;
  // A little above the mean rate, so the whole count arrives before the window ends.
  const perHour = (options.appeals / (options.days * 24)) * 1.05;
  const stream = new AppealStream({ seed: options.seed + 1, timeZone: city.timeZone, startMs: fromMs, perHour, area: bboxArea(city.simulationBounds), language: 'zh', origin: 'background' });
  let stored = 0;
  while (stored < options.appeals) {
    const batch: ImportedAppeal[] = [];
    while (batch.length < APPEAL_BATCH && stored + batch.length < options.appeals && stream.peekTsMs() < options.nowMs) batch.push(toImported(stream.next(), stored + batch.length));
    if (batch.length === 0) break;
    stored += (await insertImportedAppeals(db, batch, 'bench')).imported;
    progress(stored);
  }
  return stored;
}

/**
 * Loads a city-scale data set through the store's own write paths: `sensors`
 * sensors spread over Beijing's simulation area, each reporting five metrics
 * at a steady cadence over the `days` before `nowMs` (`insertReadingsBatch`
 * in ingest-sized batches, rollups and all), and `appeals` appeals from the
 * appeal simulator's stream (hotline hours, hotspot neighbourhoods, the
 * category mix) through `insertImportedAppeals`. Deterministic for a seed.
 * @example await seedCityScale(store.db, { nowMs: Date.now() }) // { readings: 10_000_000, appeals: 500_000, ... }
 */
export async function seedCityScale(db: Db, options: CityScaleOptions): Promise<CityScaleData> {
  const full = { sensors: 2000, readings: 10_000_000, appeals: 500_000, days: 30, seed: 20261101, batchSize: 20_000, ...options };
  const { onProgress, ...settings } = full;
  const fromMs = full.nowMs - full.days * 86_400_000;
  const done = { readings: 0, appeals: 0 };
  const readings = await seedReadings(db, settings, fromMs, (count) => onProgress?.({ ...done, readings: (done.readings = count) }));
  const appeals = await seedAppeals(db, settings, fromMs, (count) => onProgress?.({ ...done, appeals: (done.appeals = count) }));
  return { readings, appeals, sensors: full.sensors, fromMs, toMs: full.nowMs };
}
