import type { Logger } from 'pino';
import { cellAtLatLng, slaDeadlines, slaForCategory, type Reading } from '@citytwin/shared';
import { historySlices, type HistoryDay, type SimulatedSensor } from '@citytwin/simulators';
import { findNewestDataMs, insertImportedAppeals, insertReadingsBatch, type ImportedAppeal, type Store } from '@citytwin/store';
import type { CityAreas } from '../areas/city-areas';
import type { ApiConfig } from '../config/config';

/** Days of hourly history the built-in simulation writes into an empty store. */
export const HISTORY_DAYS = 28;
const APPEALS_PER_BATCH = 2_000;
/** A progress line every this many hour-of-week slices (4 lines over the week's 168 hours). */
const PROGRESS_EVERY = 42;

export interface BackfillResult {
  days: number;
  readings: number;
  appeals: number;
  seconds: number;
}

export interface HistoryInput {
  config: ApiConfig;
  areas: CityAreas;
  sensors: readonly SimulatedSensor[];
  seed: number;
  endMs: number;
  appealsPerHour: number;
}

/** A backfill running in the background. */
export interface RunningBackfill {
  /** Resolves with the totals when done (or stopped). */
  done: Promise<BackfillResult>;
  stop(): Promise<void>;
}

function toAppeals(slice: HistoryDay, input: HistoryInput): ImportedAppeal[] {
  const { config, areas } = input;
  return slice.appeals.map(({ appeal, steps }, i) => {
    const id = `history-${slice.fromMs}-${i}`;
    const { body } = appeal;
    return {
      id, externalId: id, category: body.category, channel: body.channel, description: body.description, lat: body.lat, lng: body.lng, address: null,
      receivedAtMs: appeal.tsMs, steps, contact: null,
      cell: cellAtLatLng({ lat: body.lat, lng: body.lng }, config.baseResolution), area: areas.locator.locate(body.lat, body.lng),
      ...slaDeadlines(appeal.tsMs, slaForCategory(body.category, config.appealSla)),
    };
  });
}

async function writeSlice(store: Store, slice: HistoryDay, input: HistoryInput, result: BackfillResult): Promise<void> {
  const readings: Reading[] = slice.readings.map((reading) => ({
    sensorId: reading.sensorId, metric: reading.metric, tsMs: reading.tsMs, value: reading.value, cell: cellAtLatLng({ lat: reading.lat, lng: reading.lng }, input.config.baseResolution),
  }));
  result.readings += await insertReadingsBatch(store.db, readings);
  const appeals = toAppeals(slice, input);
  for (let i = 0; i < appeals.length; i += APPEALS_PER_BATCH) result.appeals += (await insertImportedAppeals(store.db, appeals.slice(i, i + APPEALS_PER_BATCH), 'history')).imported;
}

/**
 * Starts writing 28 days of the demo's hourly history before `endMs` into an
 * empty store (a store with data is left alone: null), through the same
 * write paths as ingest and imports, so rollups, active cells and appeal
 * areas are exactly as if it had arrived live. It runs beside the live
 * simulation, the readings first and in the order the live hours need their
 * hour-of-week baselines (`historySlices`), so alerts have a baseline from the
 * first minute; then the month's appeals for the rankings. Logs progress lines
 * and a summary.
 */
export async function startHistoryBackfill(store: Store, input: HistoryInput, logger: Logger): Promise<RunningBackfill | null> {
  if ((await findNewestDataMs(store.db)) !== null) return null;
  const startedMs = performance.now();
  const result: BackfillResult = { days: HISTORY_DAYS, readings: 0, appeals: 0, seconds: 0 };
  let stopped = false;
  const seconds = () => Number(((performance.now() - startedMs) / 1000).toFixed(1));
  const run = async () => {
    let hours = 0;
    for (const slice of historySlices({ city: input.config.city, sensors: input.sensors, seed: input.seed, endMs: input.endMs, days: HISTORY_DAYS, appealsPerHour: input.appealsPerHour })) {
      if (stopped) break;
      await writeSlice(store, slice, input, result);
      if (slice.kind === 'readings' && ++hours % PROGRESS_EVERY === 0) {
        logger.info({ hours, readings: result.readings, seconds: seconds() }, `history backfill: ${hours}/168 hours of the week over ${HISTORY_DAYS} days, ${result.readings} readings, ${seconds()} s`);
      }
    }
    result.seconds = seconds();
    logger.info({ ...result, complete: !stopped }, `history backfilled: ${HISTORY_DAYS} days, ${result.readings} readings, ${result.appeals} appeals in ${result.seconds} s`);
    return result;
  };
  const done = run();
  done.catch((error: unknown) => logger.error({ err: error }, 'history backfill failed'));
  return {
    done,
    async stop() {
      stopped = true;
      await done.catch(() => undefined);
    },
  };
}
