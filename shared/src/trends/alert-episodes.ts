import { MAD_TO_SIGMA, robustZ, type RobustBaseline } from './robust-baseline';

/** When a bucket is abnormal, and how many buckets open and close an alert. */
export interface AlertRule {
  /** Robust z at or beyond which a bucket is abnormal (ALERT_Z, 3). */
  z: number;
  /** Consecutive abnormal buckets that open an alert; consecutive normal ones that close it (ALERT_HOURS, 2). */
  buckets: number;
  /** 1: abnormal upwards (higherIsWorse); −1: downwards. */
  direction: 1 | -1;
  /** The fewest events in a bucket for it to be abnormal (3 appeals for the human layer, 0 for readings). */
  minCount: number;
}

/** One bucket of one series: its value (NaN: no data), its events and its baseline. */
export interface AlertPoint {
  atMs: number;
  value: number;
  count: number;
  /** Hour-of-week baseline (null: not enough history). */
  baseline: RobustBaseline | null;
  /** The smallest robust standard deviation the z divides by (see robustZ). */
  scaleFloor: number;
}

/** An alert found in a series. */
export interface AlertEpisode {
  /** Start of the first abnormal bucket. */
  openedAtMs: number;
  /** End of the last abnormal bucket, once `buckets` normal buckets followed; null while open. */
  closedAtMs: number | null;
  /** Start of the last abnormal bucket. */
  lastAbnormalAtMs: number;
  /** The most abnormal bucket (largest z in the rule's direction) and its baseline. */
  peak: { value: number; z: number; atMs: number };
  baseline: { median: number; mad: number };
}

interface Scored {
  point: AlertPoint;
  z: number;
  abnormal: boolean;
}

function score(point: AlertPoint, rule: AlertRule): Scored {
  if (!point.baseline || !Number.isFinite(point.value) || point.count < rule.minCount) return { point, z: Number.NaN, abnormal: false };
  const z = robustZ(point.value, point.baseline, point.scaleFloor);
  return { point, z, abnormal: rule.direction * z >= rule.z };
}

/**
 * The alerts of one series of equal buckets (oldest first, `bucketMs` apart,
 * every bucket present — NaN values for buckets without data): an alert
 * opens when `rule.buckets` consecutive buckets are abnormal (robust z of
 * the value against its baseline at least `rule.z` in the rule's direction,
 * with at least `rule.minCount` events), stays open while abnormal buckets
 * keep coming, and closes after `rule.buckets` consecutive normal ones (a
 * bucket without data counts as normal). The z is
 * (x − median) / max(1.4826 MAD, scaleFloor) ({@link robustZ}).
 * @example detectAlertEpisodes(points, { z: 3, buckets: 2, direction: 1, minCount: 0 }, 3_600_000) // [{ openedAtMs, closedAtMs, peak, baseline }]
 */
export function detectAlertEpisodes(points: readonly AlertPoint[], rule: AlertRule, bucketMs: number): AlertEpisode[] {
  const episodes: AlertEpisode[] = [];
  let run: Scored[] = [];
  let open: AlertEpisode | null = null;
  let normalRun = 0;
  const peakOf = (scored: Scored) => ({ peak: { value: scored.point.value, z: scored.z, atMs: scored.point.atMs }, baseline: { median: scored.point.baseline!.median, mad: scored.point.baseline!.mad } });
  for (const point of points) {
    const scored = score(point, rule);
    if (open) {
      if (scored.abnormal) {
        normalRun = 0;
        open.lastAbnormalAtMs = point.atMs;
        if (rule.direction * scored.z > rule.direction * open.peak.z) Object.assign(open, peakOf(scored));
      } else if (++normalRun >= rule.buckets) {
        open.closedAtMs = open.lastAbnormalAtMs + bucketMs;
        open = null;
        run = [];
      }
      continue;
    }
    run = scored.abnormal ? [...run, scored] : [];
    if (run.length >= rule.buckets) {
      const peak = run.reduce((best, next) => (rule.direction * next.z > rule.direction * best.z ? next : best));
      open = { openedAtMs: run[0]!.point.atMs, closedAtMs: null, lastAbnormalAtMs: point.atMs, ...peakOf(peak) };
      episodes.push(open);
      normalRun = 0;
    }
  }
  return episodes;
}

/**
 * The band a value must leave to be abnormal: median ± z · max(1.4826 MAD, floor).
 * @example alertBand({ median: 50, mad: 2, n: 4 }, 3, 1) // { low: 41.1, high: 58.9 }
 */
export function alertBand(baseline: RobustBaseline, z: number, scaleFloor: number): { low: number; high: number } {
  const spread = z * Math.max(MAD_TO_SIGMA * baseline.mad, scaleFloor);
  return { low: baseline.median - spread, high: baseline.median + spread };
}
