import type { RankingRow } from '../api/analysis-types';

/** Columns the rankings table sorts by. */
export const RANKING_COLUMNS = ['rank', 'area', 'received', 'responseRate', 'resolutionRate', 'satisfactionRate', 'score', 'rankChange'] as const;
export type RankingColumn = (typeof RANKING_COLUMNS)[number];

/**
 * Rows sorted by a column, ascending or descending; rows without a value
 * (no rated appeal, a new area) always go last, ties keep the api's rank order.
 * @example sortRankings(rows, 'satisfactionRate', 'desc')[0] // the most satisfied area
 */
export function sortRankings(rows: readonly RankingRow[], column: RankingColumn, direction: 'asc' | 'desc'): RankingRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row[column];
      const y = b.row[column];
      if (x === null && y === null) return a.index - b.index;
      if (x === null) return 1;
      if (y === null) return -1;
      const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
      return order !== 0 ? sign * order : a.index - b.index;
    })
    .map(({ row }) => row);
}

/**
 * The month before `month` (YYYY-MM), for the month picker's default comparison.
 * @example monthBefore('2026-01') // '2025-12'
 */
export function monthBefore(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}
