import type { CityProfile, ImportedStep, MetricCode } from '@citytwin/shared';
import { AppealStream, type PlannedAppeal } from '../appeals/appeal-stream';
import { planWorkflow } from '../appeals/appeal-workflow';
import { sampleValues } from '../fleet/sample-values';
import type { SimulatedSensor } from '../fleet/fleet-layout';
import { bboxArea } from '../geo/area';
import { SeededRandom } from '../random/seeded-random';
import { LocalClock } from '../time/local-clock';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_HOURS = 7 * 24;
/**
 * Hours of the week one readings slice covers, in every week of the history:
 * 3 × 4 weeks × the demo's ~580 sensor metrics is ~7,000 readings, one
 * transaction short enough for the embedded database (which computes on the
 * thread that serves HTTP) to answer requests between slices, while the
 * per-slice overhead stays small.
 */
export const HISTORY_HOURS_PER_SLICE = 3;

/** One reading of the history, located where its sensor stands. */
export interface HistoryReading {
  sensorId: string;
  metric: MetricCode;
  tsMs: number;
  value: number;
  lat: number;
  lng: number;
}

/** One appeal of the history with the workflow steps it went through before the start. */
export interface HistoryAppeal {
  appeal: PlannedAppeal;
  steps: ImportedStep[];
}

/** One slice of history: readings of a few hours of the week in each week, or one day of appeals. */
export interface HistoryDay {
  /** Position in the whole history (0 .. {@link historySliceCount} − 1): where a resumed backfill goes on. */
  index: number;
  kind: 'readings' | 'appeals';
  /** Readings: the first hour after the start's hour they are the baseline of (0..167). */
  hourOfWeek: number | null;
  /** The slice's earliest time (readings: its first hour in the oldest week). */
  fromMs: number;
  /** Sorted by sensor, metric and time (the readings' primary key). */
  readings: HistoryReading[];
  appeals: HistoryAppeal[];
}

export interface HistoryOptions {
  city: CityProfile;
  sensors: readonly SimulatedSensor[];
  seed: number;
  /** The history ends here (the live simulation's start), exclusive: at the start of its hour. */
  endMs: number;
  /** Days of history, rounded up to whole weeks. */
  days: number;
  /** Background appeals per hour over a day (the hotline's hourly shape). */
  appealsPerHour: number;
}

interface HistoryFrame {
  weeks: number;
  endHourMs: number;
  startMs: number;
  readingSlices: number;
}

function frameOf(options: HistoryOptions): HistoryFrame {
  const weeks = Math.ceil(options.days / 7);
  const endHourMs = Math.floor(options.endMs / HOUR_MS) * HOUR_MS;
  return { weeks, endHourMs, startMs: endHourMs - weeks * 7 * DAY_MS, readingSlices: Math.ceil(WEEK_HOURS / HISTORY_HOURS_PER_SLICE) };
}

/**
 * How many slices {@link historySlices} yields for these options (readings
 * slices, then one per day of appeals).
 * @example historySliceCount({ ...options, days: 28 }) // 56 readings slices + 29 appeal days = 85
 */
export function historySliceCount(options: HistoryOptions): number {
  const frame = frameOf(options);
  return frame.readingSlices + Math.ceil((options.endMs - frame.startMs) / DAY_MS);
}

const byPrimaryKey = (a: HistoryReading, b: HistoryReading) =>
  a.sensorId < b.sensorId ? -1 : a.sensorId > b.sensorId ? 1 : a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : a.tsMs - b.tsMs;

function readingSlice(options: HistoryOptions, frame: HistoryFrame, index: number, clock: LocalClock): HistoryDay {
  // Each slice draws from its own stream, so a resumed backfill writes the same values as an uninterrupted one.
  const random = new SeededRandom((options.seed ^ 0x4b1d) + index * 0x9e37);
  const firstOffset = index * HISTORY_HOURS_PER_SLICE;
  const readings: HistoryReading[] = [];
  for (let offset = firstOffset; offset < Math.min(firstOffset + HISTORY_HOURS_PER_SLICE, WEEK_HOURS); offset += 1) {
    for (let k = 1; k <= frame.weeks; k += 1) {
      const tsMs = frame.endHourMs - k * 7 * DAY_MS + offset * HOUR_MS + HOUR_MS / 2;
      for (const sensor of options.sensors) {
        const values = sampleValues(sensor, tsMs, clock, random, options.seed);
        for (const [metric, value] of Object.entries(values) as Array<[MetricCode, number]>) readings.push({ sensorId: sensor.id, metric, tsMs, value, lat: sensor.lat, lng: sensor.lng });
      }
    }
  }
  // In key order the database appends to a few places of its index instead of all over it (about three times faster).
  readings.sort(byPrimaryKey);
  return { index, kind: 'readings', hourOfWeek: firstOffset, fromMs: frame.startMs + firstOffset * HOUR_MS, readings, appeals: [] };
}

/**
 * Hourly history for the demo's fleet before the live simulation starts, in
 * slices, each sensor's values at the middle of the hour (the same daily,
 * weekly and seasonal patterns and noise as live, one sample an hour). The
 * slices come in the order the live run needs them: slice i holds the
 * {@link HISTORY_HOURS_PER_SLICE} hours from 6i hours after the start's hour,
 * 1..weeks weeks earlier — the hour-of-week baselines of those live hours — so
 * the baseline of the coming hours exists seconds after the start, well
 * before the live run reaches them. The background appeals of the whole
 * period, with their workflow steps up to `endMs`, follow in daily slices. A
 * writer can pause between slices; `fromIndex` skips the slices a previous,
 * interrupted writer finished (the appeals before it are still drawn, not
 * yielded, since they form one stream). No planted incident: the
 * construction site begins with the live run, so the history is the baseline
 * it is measured against. Deterministic for a seed.
 */
export function* historySlices(options: HistoryOptions, fromIndex = 0): Generator<HistoryDay> {
  const frame = frameOf(options);
  const clock = new LocalClock(options.city.timeZone);
  for (let index = fromIndex; index < frame.readingSlices; index += 1) yield readingSlice(options, frame, index, clock);
  for (const slice of appealSlices(options, frame)) if (slice.index >= fromIndex) yield slice;
}

function* appealSlices(options: HistoryOptions, frame: HistoryFrame): Generator<HistoryDay> {
  const workflowRandom = new SeededRandom(options.seed ^ 0x3f10);
  const appeals = new AppealStream({
    seed: options.seed + 11, timeZone: options.city.timeZone, startMs: frame.startMs, perHour: options.appealsPerHour, area: bboxArea(options.city.simulationBounds),
    language: options.city.code === 'beijing' ? 'zh' : 'en', origin: 'history',
  });
  let appealNumber = 0;
  let index = frame.readingSlices;
  for (let dayStartMs = frame.startMs; dayStartMs < options.endMs; dayStartMs += DAY_MS) {
    const dayEndMs = Math.min(dayStartMs + DAY_MS, options.endMs);
    const dayAppeals: HistoryAppeal[] = [];
    while (appeals.peekTsMs() < dayEndMs) {
      const appeal = appeals.next();
      appealNumber += 1;
      const steps = planWorkflow(`history-${appealNumber}`, appeal.body.category, appeal.tsMs, workflowRandom)
        .filter((event) => event.tsMs < options.endMs && event.body.to !== 'rated')
        .map((event) => ({ to: event.body.to as ImportedStep['to'], atMs: Math.round(event.tsMs), ...(event.body.departments ? { departments: event.body.departments } : {}) }));
      dayAppeals.push({ appeal, steps });
    }
    yield { index, kind: 'appeals', hourOfWeek: null, fromMs: dayStartMs, readings: [], appeals: dayAppeals };
    index += 1;
  }
}
