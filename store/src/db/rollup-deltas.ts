import { cellToBigInt, type Reading } from '@citytwin/shared';

/** What one batch adds to one rollup row (cell at base resolution, metric, bucket). */
export interface RollupDelta {
  /** The cell's 64-bit index as a decimal string (bigint parameter). */
  cell: string;
  metric: string;
  widthS: number;
  /** Bucket start, epoch seconds, a multiple of `widthS`. */
  bucketS: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

/**
 * Aggregates readings into per-bucket deltas for each width, sorted by the
 * rollup key (metric, width, bucket, cell) so concurrent writers lock rows in
 * the same order. Buckets start at multiples of the width since the epoch, like
 * `date_bin(width, ts, 'epoch')`.
 * @example rollupDeltas([{ ..., tsMs: 310_000, value: 2 }], [300]) // [{ widthS: 300, bucketS: 300, count: 1, sum: 2, ... }]
 */
export function rollupDeltas(readings: readonly Reading[], widthsS: readonly number[]): RollupDelta[] {
  const byKey = new Map<string, RollupDelta>();
  const cellIds = new Map<string, string>();
  for (const reading of readings) {
    let cell = cellIds.get(reading.cell);
    if (cell === undefined) {
      cell = cellToBigInt(reading.cell).toString();
      cellIds.set(reading.cell, cell);
    }
    for (const widthS of widthsS) {
      const bucketS = Math.floor(reading.tsMs / (widthS * 1000)) * widthS;
      const key = `${reading.metric}|${widthS}|${bucketS}|${cell}`;
      const delta = byKey.get(key);
      if (delta) {
        delta.count += 1;
        delta.sum += reading.value;
        if (reading.value < delta.min) delta.min = reading.value;
        if (reading.value > delta.max) delta.max = reading.value;
      } else {
        byKey.set(key, { cell, metric: reading.metric, widthS, bucketS, count: 1, sum: reading.value, min: reading.value, max: reading.value });
      }
    }
  }
  return sortByRollupKey([...byKey.values()]);
}

// Cells are compared as 64-bit integers (like the bigint column); the decimal
// strings are parsed once per delta, not once per comparison.
function sortByRollupKey(deltas: RollupDelta[]): RollupDelta[] {
  const keyed = deltas.map((delta) => ({ delta, cell: BigInt(delta.cell) }));
  keyed.sort((a, b) => {
    if (a.delta.metric !== b.delta.metric) return a.delta.metric < b.delta.metric ? -1 : 1;
    if (a.delta.widthS !== b.delta.widthS) return a.delta.widthS - b.delta.widthS;
    if (a.delta.bucketS !== b.delta.bucketS) return a.delta.bucketS - b.delta.bucketS;
    return a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0;
  });
  return keyed.map((entry) => entry.delta);
}
