/** Appeals of one first-level category in one area in one month. */
export interface AreaCategoryCount {
  area: string;
  category: string;
  count: number;
}

/** How often a category was among an area's most frequent ones. */
export interface ChronicCategory {
  category: string;
  /** Months (of those asked) in which it was in the area's top `top`. */
  monthsInTop: number;
  /** Those months, oldest first. */
  months: string[];
  /** Its appeals over all the months. */
  total: number;
}

export interface AreaChronicProblems {
  area: string;
  categories: ChronicCategory[];
}

/**
 * Chronic problems (治理堵点难点) per area: for each month, the `top` most
 * frequent first-level categories of each area (高频共性诉求; ties broken by
 * category code, so a month's top holds exactly `top` categories at most),
 * then for each area and category the number of months it was among them.
 * Categories come most chronic first (monthsInTop, then total); areas by
 * their most chronic category, then by name.
 * @example chronicProblems([{ month: '2026-05', counts: [{ area: 'A', category: 'noise', count: 9 }] }], 3)
 * // [{ area: 'A', categories: [{ category: 'noise', monthsInTop: 1, months: ['2026-05'], total: 9 }] }]
 */
export function chronicProblems(months: ReadonlyArray<{ month: string; counts: readonly AreaCategoryCount[] }>, top: number): AreaChronicProblems[] {
  const byArea = new Map<string, Map<string, ChronicCategory>>();
  const entry = (area: string, category: string) => {
    const categories = byArea.get(area) ?? new Map<string, ChronicCategory>();
    byArea.set(area, categories);
    const found = categories.get(category) ?? { category, monthsInTop: 0, months: [], total: 0 };
    categories.set(category, found);
    return found;
  };
  for (const { month, counts } of [...months].sort((a, b) => a.month.localeCompare(b.month))) {
    const perArea = new Map<string, AreaCategoryCount[]>();
    for (const row of counts) {
      if (row.count <= 0) continue;
      perArea.set(row.area, [...(perArea.get(row.area) ?? []), row]);
      entry(row.area, row.category).total += row.count;
    }
    for (const [area, rows] of perArea) {
      rows.sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
      for (const row of rows.slice(0, top)) {
        const found = entry(area, row.category);
        found.monthsInTop += 1;
        found.months.push(month);
      }
    }
  }
  return [...byArea.entries()]
    .map(([area, categories]) => ({ area, categories: [...categories.values()].sort((a, b) => b.monthsInTop - a.monthsInTop || b.total - a.total || a.category.localeCompare(b.category)) }))
    .sort((a, b) => (b.categories[0]?.monthsInTop ?? 0) - (a.categories[0]?.monthsInTop ?? 0) || a.area.localeCompare(b.area));
}
