/** Appeals of one category in one area: in the window and in the baseline period before it. */
export interface CategoryWindowCount {
  area: string;
  category: string;
  count: number;
  baselineCount: number;
}

export interface CategoryTrend {
  category: string;
  count: number;
  /** Appeals expected in a window this long at the baseline's pace. */
  expected: number;
  /** count / expected; expected is floored at 1 appeal so a first-ever pair does not read as infinite. */
  growth: number;
}

export interface AreaTrends {
  area: string;
  total: number;
  /** The most frequent categories (高频共性诉求), biggest first. */
  top: CategoryTrend[];
  /** Categories rising fastest against their baseline (growth > 1), fastest first. */
  rising: CategoryTrend[];
}

/**
 * Top and rising categories per area. expected = baselineCount × windowMs /
 * baselineMs (a 4-week baseline is 28 days); growth = count / max(expected, 1).
 * @example summariseCategoryTrends([{ area: 'A', category: 'noise', count: 6, baselineCount: 8 }], 7 * DAY, 28 * DAY, 5)
 * // noise: expected 2, growth 3
 */
export function summariseCategoryTrends(rows: readonly CategoryWindowCount[], windowMs: number, baselineMs: number, limit: number): AreaTrends[] {
  const byArea = new Map<string, CategoryTrend[]>();
  for (const row of rows) {
    const expected = (row.baselineCount * windowMs) / baselineMs;
    const trend = { category: row.category, count: row.count, expected, growth: row.count / Math.max(expected, 1) };
    byArea.set(row.area, [...(byArea.get(row.area) ?? []), trend]);
  }
  return [...byArea.entries()].map(([area, trends]) => ({
    area,
    total: trends.reduce((sum, trend) => sum + trend.count, 0),
    top: trends.filter((trend) => trend.count > 0).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)).slice(0, limit),
    rising: trends.filter((trend) => trend.growth > 1).sort((a, b) => b.growth - a.growth || b.count - a.count).slice(0, limit),
  })).sort((a, b) => b.total - a.total || a.area.localeCompare(b.area));
}
