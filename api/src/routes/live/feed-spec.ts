import { cellCentre, topCategoryOf, type CellValue, type H3Cell, type Layer, type MetricCode } from '@citytwin/shared';
import { findHumanCells, findPhysicalCells, type Db } from '@citytwin/store';
import { DEFAULT_WINDOW_MS } from '../cells/cells-window';
import { TouchedCells } from './touched-cells';

/**
 * One layer as some subscribers see it: the same spec gives the same cells,
 * so every subscriber with it shares one feed (one query per change).
 */
export interface FeedSpec {
  layer: Layer;
  /** Physical layer only. */
  metric: MetricCode | undefined;
  /** Human layer only; undefined means every category. */
  category: string | undefined;
  /** Resolution served (the human layer of anonymous subscribers is capped). */
  res: number;
  bbox: [west: number, south: number, east: number, north: number] | undefined;
  /** Cells with fewer appeals are withheld (anonymous subscribers of the human layer); 1 shows every cell. */
  minCount: number;
}

/** The key under which subscribers of equal specs share a feed. */
export function feedKey(spec: FeedSpec): string {
  return JSON.stringify([spec.layer, spec.metric ?? null, spec.category ?? null, spec.res, spec.bbox ?? null, spec.minCount]);
}

/** The window a live layer shows: the last 24 hours, as `/api/cells` does by default. */
export function liveWindow(nowMs: number): { fromMs: number; toMs: number } {
  return { fromMs: nowMs - DEFAULT_WINDOW_MS, toMs: nowMs };
}

function insideBBox(cell: CellValue, bbox: NonNullable<FeedSpec['bbox']>): boolean {
  const { lat, lng } = cellCentre(cell.h3);
  return lng >= bbox[0] && lng <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
}

/**
 * Reads the cells of a spec for a window from the store (the same queries as
 * `/api/cells`); with `within`, only the spec's cells in those (the physical
 * layer re-reads just what a batch touched; the human layer, fed by far
 * fewer writes, is re-read whole).
 */
export async function readFeedCells(db: Db, spec: FeedSpec, window: { fromMs: number; toMs: number }, within?: readonly H3Cell[]): Promise<CellValue[]> {
  const cellWindow = { res: spec.res, ...window };
  const found = spec.layer === 'physical'
    ? await findPhysicalCells(db, spec.metric!, cellWindow, within)
    : await findHumanCells(db, cellWindow, spec.category ? { category: spec.category } : {});
  const inside = spec.layer === 'human' && within ? TouchedCells.matcher(within, spec.res) : () => true;
  return found.filter((cell) => inside(cell.h3)).filter((cell) => cell.count >= spec.minCount && (!spec.bbox || insideBBox(cell, spec.bbox)));
}

/** Whether a change announcement may have moved this feed's cells. */
export function feedIsTouchedBy(spec: FeedSpec, change: { metrics: readonly string[] } | { categories?: readonly string[] | undefined }): boolean {
  if ('metrics' in change) return spec.layer === 'physical' && spec.metric !== undefined && change.metrics.includes(spec.metric);
  if (spec.layer !== 'human') return false;
  if (!change.categories || !spec.category) return true;
  return change.categories.includes(topCategoryOf(spec.category) ?? spec.category);
}
