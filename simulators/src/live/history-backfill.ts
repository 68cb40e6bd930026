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

/** One slice of history: readings of one hour of the week over the weeks, or one day of appeals. */
export interface HistoryDay {
  kind: 'readings' | 'appeals';
  /** The slice's earliest time. */
  fromMs: number;
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

/**
 * Hourly history for the demo's fleet before the live simulation starts, in
 * slices, each sensor's values at the middle of the hour (the same daily,
 * weekly and seasonal patterns and noise as live, one sample an hour). The
 * slices come in the order the live run needs them: slice o holds the hours
 * o hours after the start's hour, 1..weeks weeks earlier — the hour-of-week
 * baseline of the live hour o — so the baseline of the coming hours exists
 * seconds after the start, well before the live run reaches them. The
 * background appeals of the whole period, with their workflow steps up to
 * `endMs`, follow in daily slices. No planted incident: the construction site
 * begins with the live run, so the history is the baseline it is measured
 * against. Deterministic for a seed.
 */
export function* historySlices(options: HistoryOptions): Generator<HistoryDay> {
  const weeks = Math.ceil(options.days / 7);
  const endHourMs = Math.floor(options.endMs / HOUR_MS) * HOUR_MS;
  const startMs = endHourMs - weeks * 7 * DAY_MS;
  const clock = new LocalClock(options.city.timeZone);
  const random = new SeededRandom(options.seed ^ 0x4b1d);
  for (let offset = 0; offset < 7 * 24; offset += 1) {
    const readings: HistoryReading[] = [];
    for (let k = 1; k <= weeks; k += 1) {
      const tsMs = endHourMs - k * 7 * DAY_MS + offset * HOUR_MS + HOUR_MS / 2;
      for (const sensor of options.sensors) {
        const values = sampleValues(sensor, tsMs, clock, random, options.seed);
        for (const [metric, value] of Object.entries(values) as Array<[MetricCode, number]>) readings.push({ sensorId: sensor.id, metric, tsMs, value, lat: sensor.lat, lng: sensor.lng });
      }
    }
    yield { kind: 'readings', fromMs: endHourMs + offset * HOUR_MS - weeks * 7 * DAY_MS, readings, appeals: [] };
  }
  yield* appealSlices(options, startMs);
}

function* appealSlices(options: HistoryOptions, startMs: number): Generator<HistoryDay> {
  const workflowRandom = new SeededRandom(options.seed ^ 0x3f10);
  const appeals = new AppealStream({
    seed: options.seed + 11, timeZone: options.city.timeZone, startMs, perHour: options.appealsPerHour, area: bboxArea(options.city.simulationBounds),
    language: options.city.code === 'beijing' ? 'zh' : 'en', origin: 'history',
  });
  let appealNumber = 0;
  for (let dayStartMs = startMs; dayStartMs < options.endMs; dayStartMs += DAY_MS) {
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
    yield { kind: 'appeals', fromMs: dayStartMs, readings: [], appeals: dayAppeals };
  }
}
