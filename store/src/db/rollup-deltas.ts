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

/** The same deltas as parallel columns (one entry per rollup row), ready to be bound as arrays. */
export interface RollupDeltaColumns {
  length: number;
  cell: string[];
  metric: string[];
  widthS: number[];
  bucketS: number[];
  count: number[];
  sum: number[];
  min: number[];
  max: number[];
}

// Decimal strings of non-negative integers without leading zeros order like the
// integers when the shorter one comes first.
const byInteger = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Ranks of `values` in `compare` order, by position in `values`. */
function ranks<T>(values: readonly T[], compare: (a: T, b: T) => number): Int32Array {
  const order = values.map((_, i) => i).sort((a, b) => compare(values[a]!, values[b]!));
  const rank = new Int32Array(values.length);
  order.forEach((position, r) => (rank[position] = r));
  return rank;
}

/** Every distinct (cell, metric) of a batch as a small integer, and each reading's. */
interface Pairs {
  cells: string[];
  metrics: string[];
  pairCell: number[];
  pairMetric: number[];
  pairOf: Int32Array;
  minMs: number;
}

function indexPairs(readings: readonly Reading[]): Pairs {
  const cellIndex = new Map<string, number>();
  const metricIndex = new Map<string, number>();
  const pairIndex = new Map<number, number>();
  const pairs: Pairs = { cells: [], metrics: [], pairCell: [], pairMetric: [], pairOf: new Int32Array(readings.length), minMs: Infinity };
  readings.forEach((reading, i) => {
    let c = cellIndex.get(reading.cell);
    if (c === undefined) {
      c = pairs.cells.push(cellToBigInt(reading.cell).toString()) - 1;
      cellIndex.set(reading.cell, c);
    }
    let m = metricIndex.get(reading.metric);
    if (m === undefined) {
      m = pairs.metrics.push(reading.metric) - 1;
      metricIndex.set(reading.metric, m);
    }
    const key = m * 2 ** 32 + c;
    let pair = pairIndex.get(key);
    if (pair === undefined) {
      pair = pairs.pairCell.push(c) - 1;
      pairs.pairMetric.push(m);
      pairIndex.set(key, pair);
    }
    pairs.pairOf[i] = pair;
    if (reading.tsMs < pairs.minMs) pairs.minMs = reading.tsMs;
  });
  return pairs;
}

/**
 * Aggregates readings into per-bucket deltas for each width, as columns sorted
 * by the rollup key (metric, width, bucket, cell as a 64-bit integer) so
 * concurrent writers lock rows in the same order. Buckets start at multiples of
 * the width since the epoch, like `date_bin(width, ts, 'epoch')`. Each bucket's
 * sum adds its readings in batch order. Cells and metrics become small
 * integers first, so the per-reading work is a few numeric map lookups.
 * @example rollupDeltaColumns([{ ..., tsMs: 310_000, value: 2 }], [300]).bucketS // [300]
 */
export function rollupDeltaColumns(readings: readonly Reading[], widthsS: readonly number[]): RollupDeltaColumns {
  const { cells, metrics, pairCell, pairMetric, pairOf, minMs } = indexPairs(readings);
  const slotPair: number[] = [];
  const slotWidth: number[] = [];
  const slotBucket: number[] = [];
  const count: number[] = [];
  const sum: number[] = [];
  const min: number[] = [];
  const max: number[] = [];
  const pairCount = pairCell.length;
  widthsS.forEach((widthS, w) => {
    const widthMs = widthS * 1000;
    const firstBucket = Math.floor(minMs / widthMs);
    // The bucket's number counted from the batch's first, times the pair
    // count, plus the pair: one small integer per rollup row of this width.
    const slotOf = new Map<number, number>();
    readings.forEach((reading, i) => {
      const bucket = Math.floor(reading.tsMs / widthMs);
      const pair = pairOf[i]!;
      const key = (bucket - firstBucket) * pairCount + pair;
      const value = reading.value;
      const slot = slotOf.get(key);
      if (slot === undefined) {
        slotOf.set(key, count.length);
        slotPair.push(pair);
        slotWidth.push(w);
        slotBucket.push(bucket * widthS);
        count.push(1);
        sum.push(value);
        min.push(value);
        max.push(value);
      } else {
        count[slot] = count[slot]! + 1;
        sum[slot] = sum[slot]! + value;
        if (value < min[slot]!) min[slot] = value;
        if (value > max[slot]!) max[slot] = value;
      }
    });
  });

  const cellRank = ranks(cells, byInteger);
  const metricRank = ranks(metrics, byText);
  const widthRank = ranks(widthsS, (a, b) => a - b);
  const order = count.map((_, i) => i);
  order.sort((a, b) => {
    const pa = slotPair[a]!;
    const pb = slotPair[b]!;
    return (
      metricRank[pairMetric[pa]!]! - metricRank[pairMetric[pb]!]! ||
      widthRank[slotWidth[a]!]! - widthRank[slotWidth[b]!]! ||
      slotBucket[a]! - slotBucket[b]! ||
      cellRank[pairCell[pa]!]! - cellRank[pairCell[pb]!]!
    );
  });
  return {
    length: order.length,
    cell: order.map((slot) => cells[pairCell[slotPair[slot]!]!]!),
    metric: order.map((slot) => metrics[pairMetric[slotPair[slot]!]!]!),
    widthS: order.map((slot) => widthsS[slotWidth[slot]!]!),
    bucketS: order.map((slot) => slotBucket[slot]!),
    count: order.map((slot) => count[slot]!),
    sum: order.map((slot) => sum[slot]!),
    min: order.map((slot) => min[slot]!),
    max: order.map((slot) => max[slot]!),
  };
}

/**
 * {@link rollupDeltaColumns} as one object per rollup row.
 * @example rollupDeltas([{ ..., tsMs: 310_000, value: 2 }], [300]) // [{ widthS: 300, bucketS: 300, count: 1, sum: 2, ... }]
 */
export function rollupDeltas(readings: readonly Reading[], widthsS: readonly number[]): RollupDelta[] {
  const columns = rollupDeltaColumns(readings, widthsS);
  return columns.cell.map((cell, i) => ({
    cell, metric: columns.metric[i]!, widthS: columns.widthS[i]!, bucketS: columns.bucketS[i]!,
    count: columns.count[i]!, sum: columns.sum[i]!, min: columns.min[i]!, max: columns.max[i]!,
  }));
}
