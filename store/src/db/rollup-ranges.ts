/** The rollup tiers, finest first: 5 minutes, 1 hour, 1 day (UTC), in seconds. */
export const ROLLUP_WIDTHS_S = [300, 3600, 86400] as const;

/** Bucket starts `[fromMs, toMs)` of one rollup tier. */
export interface RollupRange {
  widthS: number;
  fromMs: number;
  toMs: number;
}

const ceilTo = (ms: number, widthMs: number) => Math.ceil(ms / widthMs) * widthMs;
const floorTo = (ms: number, widthMs: number) => Math.floor(ms / widthMs) * widthMs;

/**
 * Which rollup buckets add up to a window: the 5-minute buckets that start in
 * [fromMs, toMs), expressed with as few rows as possible — whole days in the
 * middle, whole hours next to them, 5-minute buckets at the edges. Each
 * coarser bucket holds exactly its finer ones, so the sum equals the 5-minute
 * tier's (and the raw readings' on 5-minute-aligned windows).
 * @example rollupRanges(Date.parse('2026-06-01T10:07Z'), Date.parse('2026-06-03T01:00Z')) // 5 min 10:10-11:00, 1 h 11:00-00:00, 1 d 06-02, 1 h 00:00-01:00
 */
export function rollupRanges(fromMs: number, toMs: number): RollupRange[] {
  const [fiveMs, hourMs, dayMs] = ROLLUP_WIDTHS_S.map((widthS) => widthS * 1000) as [number, number, number];
  const start = ceilTo(fromMs, fiveMs);
  const end = ceilTo(toMs, fiveMs);
  if (start >= end) return [];
  const hourStart = ceilTo(start, hourMs);
  const hourEnd = floorTo(end, hourMs);
  if (hourStart >= hourEnd) return [{ widthS: 300, fromMs: start, toMs: end }];
  const dayStart = ceilTo(hourStart, dayMs);
  const dayEnd = floorTo(hourEnd, dayMs);
  const ranges: RollupRange[] = [
    { widthS: 300, fromMs: start, toMs: hourStart },
    ...(dayStart < dayEnd
      ? [{ widthS: 3600, fromMs: hourStart, toMs: dayStart }, { widthS: 86400, fromMs: dayStart, toMs: dayEnd }, { widthS: 3600, fromMs: dayEnd, toMs: hourEnd }]
      : [{ widthS: 3600, fromMs: hourStart, toMs: hourEnd }]),
    { widthS: 300, fromMs: hourEnd, toMs: end },
  ];
  return ranges.filter((range) => range.fromMs < range.toMs);
}
