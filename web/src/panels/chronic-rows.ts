/** One area's chronic problems: first-level categories and how many months each was in its top 3. */
export interface ChronicArea {
  area: string;
  categories: Array<{ category: string; months: number }>;
}

type Json = Record<string, unknown>;

/**
 * Reads `/api/appeals/chronic`: areas, each with `categories` of
 * `{category, monthsInTop}` over the `months` listed, most chronic first;
 * categories in no month's top are left out.
 */
export function parseChronic(raw: unknown): { months: number; areas: ChronicArea[] } {
  const json = (raw ?? {}) as Json;
  const list = (Array.isArray(json['areas']) ? json['areas'] : Array.isArray(json['rows']) ? json['rows'] : []) as Json[];
  const areas = list.map((entry) => ({
    area: String(entry['area'] ?? entry['name'] ?? ''),
    categories: ((Array.isArray(entry['categories']) ? entry['categories'] : []) as Json[])
      .map((item) => ({ category: String(item['category'] ?? ''), months: Number(item['monthsInTop'] ?? 0) }))
      .filter((item) => item.category && item.months > 0)
      .sort((a, b) => b.months - a.months),
  }));
  const months = Array.isArray(json['months']) ? json['months'].length : 6;
  return { months, areas: areas.filter((area) => area.categories.length > 0) };
}
