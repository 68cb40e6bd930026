import { cellToBoundary } from 'h3-js';
import type { CellDatum } from '../api/api-types';
import type { FusionCell } from '../api/analysis-types';

/** One cell of the current view with everything the page knows of it. */
export interface ViewRow {
  h3: string;
  physicalMean: number | null;
  physicalReadings: number | null;
  appeals: number | null;
  zPhysical: number | null;
  zHuman: number | null;
  fusionClass: string | null;
}

/**
 * The view's cells joined by H3 index (every cell of any layer shown), sorted
 * by index so two exports of the same view are the same file.
 */
export function viewRows(physical: readonly CellDatum[], human: readonly CellDatum[], fusion: readonly FusionCell[]): ViewRow[] {
  const rows = new Map<string, ViewRow>();
  const row = (h3: string) => {
    let found = rows.get(h3);
    if (!found) {
      found = { h3, physicalMean: null, physicalReadings: null, appeals: null, zPhysical: null, zHuman: null, fusionClass: null };
      rows.set(h3, found);
    }
    return found;
  };
  for (const cell of physical) Object.assign(row(cell.h3), { physicalMean: cell.value, physicalReadings: cell.count });
  for (const cell of human) row(cell.h3).appeals = cell.count;
  for (const cell of fusion) {
    if (cell.class === 'none' && !rows.has(cell.h3)) continue;
    Object.assign(row(cell.h3), { zPhysical: cell.physical?.z ?? null, zHuman: cell.human?.z ?? null, fusionClass: cell.class });
  }
  return [...rows.values()].sort((a, b) => (a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : 0));
}

const COLUMNS: ReadonlyArray<keyof ViewRow> = ['h3', 'physicalMean', 'physicalReadings', 'appeals', 'zPhysical', 'zHuman', 'fusionClass'];

/**
 * RFC 4180 CSV (CRLF line ends, a header line); empty fields where a layer has no value.
 * @example viewCsv([{ h3: 'x', physicalMean: 1, physicalReadings: 2, appeals: null, zPhysical: null, zHuman: null, fusionClass: null }], 'noise_db') // 'h3,noise_db_mean,...\r\nx,1,2,,,,\r\n'
 */
export function viewCsv(rows: readonly ViewRow[], metric: string): string {
  const header = ['h3', `${metric}_mean`, `${metric}_readings`, 'appeals', 'gi_z_physical', 'gi_z_human', 'fusion_class'];
  const lines = rows.map((row) => COLUMNS.map((column) => (row[column] === null ? '' : String(row[column]))).join(','));
  return [header.join(','), ...lines].map((line) => `${line}\r\n`).join('');
}

/** A GeoJSON FeatureCollection of the cells as hexagon polygons ([lng, lat], closed rings) with the row's values. */
export function viewGeoJson(rows: readonly ViewRow[], meta: Record<string, string | number>): { type: 'FeatureCollection'; properties: Record<string, string | number>; features: unknown[] } {
  return {
    type: 'FeatureCollection', properties: meta,
    features: rows.map((row) => {
      const ring = cellToBoundary(row.h3, true);
      return { type: 'Feature', properties: { ...row }, geometry: { type: 'Polygon', coordinates: [ring] } };
    }),
  };
}
