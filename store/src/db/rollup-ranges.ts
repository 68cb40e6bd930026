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
const [FIVE_MS, HOUR_MS, DAY_MS] = ROLLUP_WIDTHS_S.map((widthS) => widthS * 1000) as [number, number, number];

/**
 * Which rollup buckets add up to a window: the 5-minute buckets that start in
 * [fromMs, toMs), expressed with as few rows as possible — whole days in the
 * middle, whole hours next to them, 5-minute buckets at the edges. Each
 * coarser bucket holds exactly its finer ones, so the sum equals the 5-minute
 * tier's (and the raw readings' on 5-minute-aligned windows).
 * @example rollupRanges(Date.parse('2026-06-01T10:07Z'), Date.parse('2026-06-03T01:00Z')) // 5 min 10:10-11:00, 1 h 11:00-00:00, 1 d 06-02, 1 h 00:00-01:00
 */
export function rollupRanges(fromMs: number, toMs: number): RollupRange[] {
  const start = ceilTo(fromMs, FIVE_MS);
  const end = ceilTo(toMs, FIVE_MS);
  if (start >= end) return [];
  const hourStart = ceilTo(start, HOUR_MS);
  const hourEnd = floorTo(end, HOUR_MS);
  if (hourStart >= hourEnd) return [{ widthS: 300, fromMs: start, toMs: end }];
  const dayStart = ceilTo(hourStart, DAY_MS);
  const dayEnd = floorTo(hourEnd, DAY_MS);
  const ranges: RollupRange[] = [
    { widthS: 300, fromMs: start, toMs: hourStart },
    ...(dayStart < dayEnd
      ? [{ widthS: 3600, fromMs: hourStart, toMs: dayStart }, { widthS: 86400, fromMs: dayStart, toMs: dayEnd }, { widthS: 3600, fromMs: dayEnd, toMs: hourEnd }]
      : [{ widthS: 3600, fromMs: hourStart, toMs: hourEnd }]),
    { widthS: 300, fromMs: hourEnd, toMs: end },
  ];
  return ranges.filter((range) => range.fromMs < range.toMs);
}

/** `range` cut around the units of `unitMs` that start at `marks`: those become `finerWidthS` ranges, the rest keeps its width. */
function cutAround(range: RollupRange, marks: readonly number[], unitMs: number, finerWidthS: number): RollupRange[] {
  const pieces: RollupRange[] = [];
  let from = range.fromMs;
  for (const mark of marks) {
    if (mark < range.fromMs || mark >= range.toMs) continue;
    if (from < mark) pieces.push({ widthS: range.widthS, fromMs: from, toMs: mark });
    pieces.push({ widthS: finerWidthS, fromMs: mark, toMs: mark + unitMs });
    from = mark + unitMs;
  }
  if (from < range.toMs) pieces.push({ widthS: range.widthS, fromMs: from, toMs: range.toMs });
  return pieces;
}

/** Adjacent ranges of one width joined into one. */
function joinAdjacent(ranges: readonly RollupRange[]): RollupRange[] {
  const joined: RollupRange[] = [];
  for (const range of [...ranges].sort((a, b) => a.fromMs - b.fromMs)) {
    const last = joined[joined.length - 1];
    if (last && last.widthS === range.widthS && last.toMs === range.fromMs) last.toMs = range.toMs;
    else joined.push({ ...range });
  }
  return joined;
}

/**
 * The same buckets as `ranges`, read around the hours whose hour and day
 * rollups are not derived yet (`pendingHourMs`, hour starts): a day holding
 * such an hour is read as hours, and such an hour as 5-minute buckets, which
 * are always up to date. Sorted by start, adjacent ranges of one width joined.
 * @example avoidPendingHours([{ widthS: 86400, fromMs: day, toMs: day + 86_400_000 }], [day + 3_600_000]) // 1 h 00-01, 5 min 01-02, 1 h 02-24
 */
export function avoidPendingHours(ranges: readonly RollupRange[], pendingHourMs: readonly number[]): RollupRange[] {
  if (pendingHourMs.length === 0) return joinAdjacent(ranges);
  const hours = [...new Set(pendingHourMs)].sort((a, b) => a - b);
  const days = [...new Set(hours.map((hour) => floorTo(hour, DAY_MS)))];
  const pieces = ranges.flatMap((range) => {
    const hourly = range.widthS === 86400 ? cutAround(range, days, DAY_MS, 3600) : [range];
    return hourly.flatMap((piece) => (piece.widthS === 3600 ? cutAround(piece, hours, HOUR_MS, 300) : [piece]));
  });
  return joinAdjacent(pieces);
}
