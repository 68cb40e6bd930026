import { detectAlertEpisodes, type AlertEpisode } from '@citytwin/shared';
import {
  findAppealBuckets, findReadingBuckets, insertAlert, listAlerts, updateAlert,
  type AlertLayer, type AlertWrite, type Db, type StoredAlert,
} from '@citytwin/store';
import type { AlertSettings } from '../config/config';
import { indexRows, ruleOf, seriesId, seriesPoints, type SeriesKey } from './alert-series';

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
/** How far back an evaluation reaches to follow an alert that is still open. */
const MAX_OPEN_LOOKBACK_MS = 2 * 24 * HOUR_MS;

export const bucketMsOf = (settings: AlertSettings) => (settings.bucket === '5m' ? 300_000 : HOUR_MS);

export interface EvaluationResult {
  fromMs: number;
  toMs: number;
  series: number;
  opened: number;
  updated: number;
  closed: number;
}

const floorTo = (ms: number, step: number) => Math.floor(ms / step) * step;
const ceilTo = (ms: number, step: number) => Math.ceil(ms / step) * step;

function overlaps(alert: StoredAlert, episode: AlertEpisode): boolean {
  const alertEnd = alert.closedAtMs ?? Infinity;
  const episodeEnd = episode.closedAtMs ?? Infinity;
  return alert.openedAtMs < episodeEnd && episode.openedAtMs < alertEnd;
}

function writeOf(series: SeriesKey, bucketS: number, episode: AlertEpisode, stored?: StoredAlert): AlertWrite {
  const keepStoredPeak = stored !== undefined && Math.abs(stored.peak.z) > Math.abs(episode.peak.z) && stored.openedAtMs < episode.openedAtMs;
  return {
    layer: series.layer, key: series.key, h3: series.h3, bucketS,
    status: episode.closedAtMs === null ? 'open' : 'closed',
    openedAtMs: Math.min(episode.openedAtMs, stored?.openedAtMs ?? Infinity),
    closedAtMs: episode.closedAtMs, lastAbnormalAtMs: episode.lastAbnormalAtMs,
    peak: keepStoredPeak ? stored.peak : episode.peak,
    baseline: keepStoredPeak ? stored.baseline : episode.baseline,
  };
}

const sameWrite = (a: AlertWrite, b: StoredAlert) =>
  a.status === b.status && a.openedAtMs === b.openedAtMs && a.closedAtMs === b.closedAtMs && a.lastAbnormalAtMs === b.lastAbnormalAtMs
  && a.peak.value === b.peak.value && a.peak.z === b.peak.z && a.peak.atMs === b.peak.atMs;

/**
 * Evaluates the alert rules on every bucket in [fromMs, toMs) (widened to
 * whole buckets, back by ALERT_HOURS buckets so a run that began just before
 * counts, and back to the opening of alerts still open) and brings the
 * `alerts` table in line: a new episode is inserted (`opened`), a changed one
 * rewritten (`updated`, or `closed` when it ends), an open alert the data no
 * longer supports is closed. Each write announces itself on `citytwin_alerts`.
 */
export async function evaluateAlerts(db: Db, settings: AlertSettings, fromMs: number, toMs: number): Promise<EvaluationResult> {
  const bucketMs = bucketMsOf(settings);
  const bucketS = bucketMs / 1000;
  const endMs = ceilTo(toMs, bucketMs);
  let startMs = floorTo(fromMs, bucketMs) - settings.hours * bucketMs;
  const stored = await listAlerts(db, { fromMs: startMs - MAX_OPEN_LOOKBACK_MS, toMs: endMs, bucketS, limit: 100_000 });
  for (const alert of stored) if (alert.status === 'open') startMs = Math.min(startMs, Math.max(alert.openedAtMs, endMs - MAX_OPEN_LOOKBACK_MS));
  const current = { widthS: bucketS, fromMs: startMs, toMs: endMs };
  const baselineRanges = Array.from({ length: settings.baselineWeeks }, (_, i) => ({
    widthS: 3600, fromMs: floorTo(startMs, HOUR_MS) - (i + 1) * WEEK_MS, toMs: ceilTo(endMs, HOUR_MS) - (i + 1) * WEEK_MS,
  }));
  const [readings, appeals, hourlyReadings, hourlyAppeals] = await Promise.all([
    findReadingBuckets(db, [current]), findAppealBuckets(db, [current]), findReadingBuckets(db, baselineRanges), findAppealBuckets(db, baselineRanges),
  ]);
  const rows = {
    current: new Map([...indexRows(readings, 'physical'), ...indexRows(appeals, 'human')]),
    hourly: new Map([...indexRows(hourlyReadings, 'physical'), ...indexRows(hourlyAppeals, 'human')]),
  };
  const series = new Map<string, SeriesKey>();
  const add = (layer: AlertLayer, key: string, h3: string) => series.set(seriesId({ layer, key, h3 }), { layer, key, h3 });
  for (const row of readings) add('physical', row.key, row.h3);
  for (const row of appeals) if (row.count >= 1) add('human', row.key, row.h3);
  const storedBySeries = new Map<string, StoredAlert[]>();
  for (const alert of stored) {
    const id = seriesId({ layer: alert.layer, key: alert.key, h3: alert.h3 });
    if (alert.status === 'open') add(alert.layer, alert.key, alert.h3);
    storedBySeries.set(id, [...(storedBySeries.get(id) ?? []), alert]);
  }
  const result: EvaluationResult = { fromMs: startMs, toMs: endMs, series: series.size, opened: 0, updated: 0, closed: 0 };
  for (const [id, key] of series) {
    const episodes = detectAlertEpisodes(seriesPoints(key, rows, bucketMs, startMs, endMs, settings), ruleOf(key, settings), bucketMs);
    const known = storedBySeries.get(id) ?? [];
    const matched = new Set<string>();
    for (const episode of episodes) {
      const existing = known.find((alert) => !matched.has(alert.id) && overlaps(alert, episode));
      const write = writeOf(key, bucketS, episode, existing);
      if (!existing) {
        await insertAlert(db, write);
        result.opened += 1;
        if (write.status === 'closed') result.closed += 1;
        continue;
      }
      matched.add(existing.id);
      if (sameWrite(write, existing)) continue;
      const closing = existing.status === 'open' && write.status === 'closed';
      await updateAlert(db, existing.id, write, closing ? 'closed' : 'updated');
      result[closing ? 'closed' : 'updated'] += 1;
    }
    for (const alert of known) {
      if (matched.has(alert.id) || alert.status !== 'open') continue;
      await updateAlert(db, alert.id, { ...alert, status: 'closed', closedAtMs: alert.lastAbnormalAtMs + bucketMs }, 'closed');
      result.closed += 1;
    }
  }
  return result;
}
