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
  return [...byKey.values()].sort(compareRollupKeys);
}

function compareRollupKeys(a: RollupDelta, b: RollupDelta): number {
  if (a.metric !== b.metric) return a.metric < b.metric ? -1 : 1;
  if (a.widthS !== b.widthS) return a.widthS - b.widthS;
  if (a.bucketS !== b.bucketS) return a.bucketS - b.bucketS;
  const cellA = BigInt(a.cell);
  const cellB = BigInt(b.cell);
  return cellA < cellB ? -1 : cellA > cellB ? 1 : 0;
}
