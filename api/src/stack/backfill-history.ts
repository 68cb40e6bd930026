import type { Logger } from 'pino';
import { cellAtLatLng, slaDeadlines, slaForCategory, type H3Cell, type Reading } from '@citytwin/shared';
import { historySlices, type HistoryDay, type HistoryOptions } from '@citytwin/simulators';
import { insertImportedAppeals, insertReadingsBatch, saveHistoryBackfillProgress, type ImportedAppeal, type Store } from '@citytwin/store';
import type { CityAreas } from '../areas/city-areas';
import type { ApiConfig } from '../config/config';
import { SIMULATION_HISTORY, type HistoryClaim } from './history-claim';

/** Days of hourly history the built-in simulation writes into an empty store. */
export const HISTORY_DAYS = 28;
/** A progress line every this many slices (about 5 over the whole history). */
const PROGRESS_EVERY = 20;
/**
 * The pause after each slice on the embedded database, as a share of the
 * slice's own time (and at least {@link MIN_PAUSE_MS}). PGlite computes on the
 * thread that serves HTTP and runs one statement at a time, first come first
 * served: a request that needs several queries in a row would otherwise wait
 * behind a slice for each of them. With the pause the backfill takes at most
 * two thirds of the database's time, and a request's queries run between two
 * slices. When nobody reads (`readersActive` says so) the slice only yields
 * to the event loop, so ingest keeps flowing. A server database runs beside
 * the process: no pause there.
 */
const PAUSE_SHARE = 0.5;
const MIN_PAUSE_MS = 20;

export interface BackfillResult {
  days: number;
  /** Readings and appeals this run stored (a resumed run: those of its remaining slices). */
  readings: number;
  appeals: number;
  /** The slice this run began with (0 unless it resumed an interrupted backfill). */
  fromSlice: number;
  seconds: number;
}

export interface HistoryInput {
  config: ApiConfig;
  areas: CityAreas;
  claim: HistoryClaim;
  options: HistoryOptions;
  /**
   * True while someone is reading from the API (a request in the last moment).
   * The embedded database pauses between slices only then; without it, always.
   */
  readersActive?: () => boolean;
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

/**
 * Writes one slice through the write paths ingest and imports use
 * (`insertReadingsBatch`, `insertImportedAppeals`), so rollup tiers, active
 * cells, appeal workflow columns and events are exactly those of live data.
 * Both skip what is stored already, which makes a slice safe to write again
 * after an interruption between it and its progress mark.
 */
async function writeSlice(store: Store, slice: HistoryDay, input: HistoryInput, cellOf: (sensorId: string) => H3Cell, result: BackfillResult): Promise<void> {
  if (slice.kind === 'readings') {
    const readings: Reading[] = slice.readings.map((reading) => ({ sensorId: reading.sensorId, metric: reading.metric, tsMs: reading.tsMs, value: reading.value, cell: cellOf(reading.sensorId) }));
    result.readings += await insertReadingsBatch(store.db, readings);
  } else {
    result.appeals += (await insertImportedAppeals(store.db, toAppeals(slice, input), 'history')).imported;
  }
  await saveHistoryBackfillProgress(store.db, SIMULATION_HISTORY, slice.index + 1);
}

/**
 * Starts writing the simulation's history ({@link HISTORY_DAYS} days before
 * the plan's end) from the claim's first unwritten slice, in the order of
 * `historySlices`: the readings that are the hour-of-week baselines of the
 * coming live hours first, then the month's appeals for the rankings. After
 * each slice its progress is recorded in the store, so a start after a kill
 * goes on from there (`claimHistoryBackfill`). Logs progress lines and a summary.
 */
export function startHistoryBackfill(store: Store, input: HistoryInput, logger: Logger): RunningBackfill {
  const startedMs = performance.now();
  const { claim } = input;
  const result: BackfillResult = { days: input.options.days, readings: 0, appeals: 0, fromSlice: claim.fromSlice, seconds: 0 };
  const cells = new Map(input.options.sensors.map((sensor) => [sensor.id, cellAtLatLng({ lat: sensor.lat, lng: sensor.lng }, input.config.baseResolution)]));
  const cellOf = (sensorId: string) => cells.get(sensorId)!;
  let stopped = false;
  const timing = { generateMs: 0, readingsWriteMs: 0, appealsWriteMs: 0, pauseMs: 0 };
  const seconds = () => Number(((performance.now() - startedMs) / 1000).toFixed(1));
  const run = async () => {
    let written = claim.fromSlice;
    if (claim.fromSlice > 0) logger.info({ fromSlice: claim.fromSlice, slices: claim.slices }, `history backfill resumes at slice ${claim.fromSlice} of ${claim.slices}`);
    const slices = historySlices(input.options, claim.fromSlice);
    for (;;) {
      if (stopped) break;
      const genStartMs = performance.now();
      const next = slices.next();
      if (next.done) break;
      const slice = next.value;
      const sliceStartMs = performance.now();
      timing.generateMs += sliceStartMs - genStartMs;
      await writeSlice(store, slice, input, cellOf, result);
      timing[slice.kind === 'readings' ? 'readingsWriteMs' : 'appealsWriteMs'] += performance.now() - sliceStartMs;
      written = slice.index + 1;
      if (written % PROGRESS_EVERY === 0) {
        logger.info({ slices: written, of: claim.slices, readings: result.readings, appeals: result.appeals, seconds: seconds() }, `history backfill: ${written}/${claim.slices} slices, ${result.readings} readings, ${result.appeals} appeals, ${seconds()} s`);
      }
      const reading = input.readersActive?.() ?? true;
      const pauseMs = store.db.engine === 'pglite' && reading ? Math.max(MIN_PAUSE_MS, (performance.now() - sliceStartMs) * PAUSE_SHARE) : 0;
      const pauseStartMs = performance.now();
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      timing.pauseMs += performance.now() - pauseStartMs;
    }
    const parts = Object.fromEntries(Object.entries(timing).map(([key, ms]) => [key, Math.round(ms)]));
    // Where the time went: generating slices, writing each kind, and waiting between slices (pauses and whatever else the event loop ran).
    logger.info({ timing: parts }, `history backfill time: generating ${parts['generateMs']} ms, readings ${parts['readingsWriteMs']} ms, appeals ${parts['appealsWriteMs']} ms, between slices ${parts['pauseMs']} ms`);
    result.seconds = seconds();
    const complete = written >= claim.slices;
    logger.info({ ...result, complete }, `history backfilled: ${result.days} days, ${result.readings} readings, ${result.appeals} appeals in ${result.seconds} s${complete ? '' : ` (stopped at slice ${written} of ${claim.slices})`}`);
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
