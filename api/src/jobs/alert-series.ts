import {
  countScaleFloor, isMetricCode, METRICS, minBaselineSamples, physicalScaleFloor, robustBaseline,
  type AlertPoint, type AlertRule,
} from '@citytwin/shared';
import type { AlertBucketRow, AlertLayer } from '@citytwin/store';
import type { AlertSettings } from '../config/config';

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
/** A human alert needs at least this many appeals in its bucket, so one complaint in a quiet cell is no alert. */
export const MIN_APPEALS_PER_ALERT = 3;

/** One series the job evaluates: a layer, a metric or category, a base cell. */
export interface SeriesKey {
  layer: AlertLayer;
  key: string;
  h3: string;
}

export const seriesId = (series: SeriesKey) => `${series.layer}|${series.key}|${series.h3}`;

/** The rows of one evaluation, indexed for lookup. */
export interface EvaluationRows {
  current: Map<string, Map<number, AlertBucketRow>>;
  hourly: Map<string, Map<number, AlertBucketRow>>;
}

/** Groups rows by series id and bucket start. */
export function indexRows(rows: readonly AlertBucketRow[], layer: AlertLayer): Map<string, Map<number, AlertBucketRow>> {
  const index = new Map<string, Map<number, AlertBucketRow>>();
  for (const row of rows) {
    const id = seriesId({ layer, key: row.key, h3: row.h3 });
    const buckets = index.get(id) ?? new Map<number, AlertBucketRow>();
    buckets.set(row.atMs, row);
    index.set(id, buckets);
  }
  return index;
}

/** The rule of a series: upwards unless its metric is better higher; 3 appeals at least for the human layer. */
export function ruleOf(series: SeriesKey, settings: AlertSettings): AlertRule {
  const direction = series.layer === 'physical' && isMetricCode(series.key) && !METRICS[series.key].higherIsWorse ? -1 : 1;
  return { z: settings.z, buckets: settings.hours, direction, minCount: series.layer === 'human' ? MIN_APPEALS_PER_ALERT : 0 };
}

/**
 * The points of one series over the buckets [startMs, endMs): each bucket's
 * value (a mean of readings, or a count of appeals, 0 where none) against the
 * hour-of-week baseline — the hourly values of the same hour 1..weeks weeks
 * earlier, appeal counts scaled to the bucket's width (a 5-minute bucket
 * expects 1/12 of the hour's appeals).
 */
export function seriesPoints(series: SeriesKey, rows: EvaluationRows, bucketMs: number, startMs: number, endMs: number, settings: AlertSettings): AlertPoint[] {
  const id = seriesId(series);
  const current = rows.current.get(id);
  const hourly = rows.hourly.get(id);
  const human = series.layer === 'human';
  const scale = bucketMs / HOUR_MS;
  const minSamples = minBaselineSamples(settings.baselineWeeks);
  const points: AlertPoint[] = [];
  for (let atMs = startMs; atMs < endMs; atMs += bucketMs) {
    const row = current?.get(atMs);
    const hourMs = Math.floor(atMs / HOUR_MS) * HOUR_MS;
    const sample: number[] = [];
    for (let k = 1; k <= settings.baselineWeeks; k += 1) {
      const past = hourly?.get(hourMs - k * WEEK_MS);
      if (human) sample.push((past?.count ?? 0) * scale);
      else if (past) sample.push(past.sum / past.count);
    }
    const baseline = sample.length >= minSamples ? robustBaseline(sample) : null;
    const value = human ? (row?.count ?? 0) : row ? row.sum / row.count : Number.NaN;
    const scaleFloor = human ? countScaleFloor(baseline?.median ?? 0) : physicalScaleFloor(isMetricCode(series.key) ? series.key : 'pm25');
    points.push({ atMs, value, count: row?.count ?? 0, baseline, scaleFloor });
  }
  return points;
}
