import { analyseHotspots, assembleHumanStudyArea, MIN_HOT_SPOT_EVENTS, type HotspotCell, type MetricCode } from '@citytwin/shared';
import { findHumanStudyArea, findPhysicalStudyArea, type CellWindow, type Db } from '@citytwin/store';

export interface LayerAnalysis {
  rings: number;
  fdr: boolean;
}

/**
 * Hot spots of one metric: Gi* over the cells where a sensor of the metric
 * reported in the window, each valued by the mean of its readings.
 */
export async function physicalHotspots(db: Db, metric: MetricCode, window: CellWindow, analysis: LayerAnalysis): Promise<HotspotCell[]> {
  const cells = await findPhysicalStudyArea(db, metric, window);
  return analyseHotspots(new Map(cells.map((cell) => [cell.h3, cell.value])), analysis);
}

/**
 * Hot spots of appeals: Gi* over the human study area (every cell with an
 * appeal or a sensor in the 90 days before the window's end, plus its rings),
 * each valued by its number of appeals of `category` in the window, 0 where none.
 * A hot spot must hold at least {@link MIN_HOT_SPOT_EVENTS} appeals in its
 * neighbourhood (sparse counts defeat Gi*'s normal approximation).
 * `sensorCells` (the physical study area of a fused analysis) are active by
 * the same rule and are added, so both layers share their cells.
 */
export async function humanHotspots(db: Db, category: string | undefined, window: CellWindow, analysis: LayerAnalysis, sensorCells: readonly string[] = []): Promise<HotspotCell[]> {
  const rows = await findHumanStudyArea(db, window, category ? { category } : {});
  const area = assembleHumanStudyArea({ activeCells: [...rows.activeCells, ...sensorCells], counts: rows.counts }, analysis.rings);
  return analyseHotspots(area, { ...analysis, minHotEvents: MIN_HOT_SPOT_EVENTS });
}
