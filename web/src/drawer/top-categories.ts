/**
 * The most frequent first-level categories among appeals (code `family.sub`
 * counts for `family`), most frequent first, ties by code.
 * @example topCategories([{ category: 'noise.construction' }, { category: 'noise' }, { category: 'garbage' }], 2) // [{ code: 'noise', count: 2 }, { code: 'garbage', count: 1 }]
 */
export function topCategories(appeals: ReadonlyArray<{ category: string }>, limit: number): Array<{ code: string; count: number }> {
  const counts = new Map<string, number>();
  for (const appeal of appeals) {
    const family = appeal.category.split('.')[0]!;
    counts.set(family, (counts.get(family) ?? 0) + 1);
  }
  return [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)).slice(0, limit);
}
