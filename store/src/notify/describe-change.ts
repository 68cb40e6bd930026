import { topCategoryOf, type H3Cell, type MetricCode, type Reading } from '@citytwin/shared';
import type { AppealsChange, ReadingsChange } from './change-channels';

/**
 * The compact announcement of a committed batch of readings: its metrics,
 * time span and cells. One pass, no allocation per reading.
 * @example describeReadingsBatch([{ sensorId: 'a', metric: 'pm25', tsMs: 1000, value: 3, cell }]) // { metrics: ['pm25'], fromMs: 1000, toMs: 1000, count: 1, cells: [cell] }
 */
export function describeReadingsBatch(readings: readonly Reading[]): ReadingsChange {
  const metrics = new Set<MetricCode>();
  const cells = new Set<H3Cell>();
  let fromMs = Infinity;
  let toMs = -Infinity;
  for (const reading of readings) {
    metrics.add(reading.metric);
    cells.add(reading.cell);
    if (reading.tsMs < fromMs) fromMs = reading.tsMs;
    if (reading.tsMs > toMs) toMs = reading.tsMs;
  }
  return { metrics: [...metrics].sort(), fromMs, toMs, count: readings.length, cells: [...cells].sort() };
}

/** One appeal that was received or moved on: its category code and the time that counts. */
export interface AppealTouch {
  category: string;
  atMs: number;
}

/**
 * The compact announcement of appeals received or updated: their first-level
 * categories and time span.
 * @example describeAppeals('received', [{ category: 'noise.construction', atMs: 5 }]) // { kind: 'received', categories: ['noise'], fromMs: 5, toMs: 5, count: 1 }
 */
export function describeAppeals(kind: AppealsChange['kind'], appeals: readonly AppealTouch[]): AppealsChange {
  const categories = new Set<string>();
  let fromMs = Infinity;
  let toMs = -Infinity;
  for (const appeal of appeals) {
    categories.add(topCategoryOf(appeal.category) ?? appeal.category);
    if (appeal.atMs < fromMs) fromMs = appeal.atMs;
    if (appeal.atMs > toMs) toMs = appeal.atMs;
  }
  return { kind, categories: [...categories].sort(), fromMs, toMs, count: appeals.length };
}
