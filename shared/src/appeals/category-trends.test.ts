import { describe, expect, it } from 'vitest';
import { summariseCategoryTrends } from './category-trends';

const DAY = 86_400_000;

describe('summariseCategoryTrends', () => {
  it('ranks the frequent and the rising categories of each area', () => {
    const areas = summariseCategoryTrends([
      { area: 'A', category: 'noise', count: 6, baselineCount: 8 },
      { area: 'A', category: 'garbage', count: 9, baselineCount: 40 },
      { area: 'A', category: 'flooding', count: 3, baselineCount: 0 },
      { area: 'B', category: 'noise', count: 1, baselineCount: 0 },
    ], 7 * DAY, 28 * DAY, 5);
    expect(areas.map((area) => [area.area, area.total])).toEqual([['A', 18], ['B', 1]]);
    const a = areas[0]!;
    expect(a.top.map((trend) => trend.category)).toEqual(['garbage', 'noise', 'flooding']);
    expect(a.rising.map((trend) => [trend.category, trend.expected, trend.growth])).toEqual([['noise', 2, 3], ['flooding', 0, 3]]);
    expect(areas[1]?.rising).toEqual([]);
  });
});
