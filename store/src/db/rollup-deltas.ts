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

// A rollup row's key within one width, as one number: the (cell, metric) pair
// times 2^22 plus the bucket's offset from the width's first bucket. Exact
// below 2^31 pairs and within ±2^21 buckets (±20 years of 5-minute buckets);
// beyond that, a string key.
const OFFSET_RANGE = 2 ** 21;
const slotKey = (pair: number, offset: number): number | string =>
  offset > -OFFSET_RANGE && offset < OFFSET_RANGE && pair < 2 ** 31 ? pair * 2 ** 22 + offset + OFFSET_RANGE : `${pair}:${offset}`;

/**
 * Aggregates readings one at a time into rollup deltas for each width, and
 * gives them as columns sorted by the rollup key (metric, width, bucket, cell
 * as a 64-bit integer) so concurrent writers lock rows in the same order.
 * Buckets start at multiples of the width since the epoch, like
 * `date_bin(width, ts, 'epoch')`; each bucket's sum adds its readings in the
 * order they came. Cells and metrics become small integers on arrival, so a
 * reading costs a few numeric map lookups and no allocation, and a batch keeps
 * a handful of arrays rather than an object per reading.
 */
export class RollupAccumulator {
  private readonly cellIndex = new Map<string, number>();
  private readonly cells: string[] = [];
  private readonly metricIndex = new Map<string, number>();
  private readonly metrics: string[] = [];
  private readonly pairIndex = new Map<number, number>();
  private readonly pairCell: number[] = [];
  private readonly pairMetric: number[] = [];
  private readonly slotOf: Array<Map<number | string, number>>;
  private readonly firstBucket: number[];
  private readonly slotPair: number[] = [];
  private readonly slotWidth: number[] = [];
  private readonly slotBucket: number[] = [];
  private readonly count: number[] = [];
  private readonly sum: number[] = [];
  private readonly min: number[] = [];
  private readonly max: number[] = [];

  constructor(private readonly widthsS: readonly number[]) {
    this.slotOf = widthsS.map(() => new Map());
    this.firstBucket = widthsS.map(() => NaN);
  }

  /** Adds one reading of `cell` (H3 string) and `metric` at `tsMs`. */
  add(cell: string, metric: string, tsMs: number, value: number): void {
    const pair = this.pairOf(cell, metric);
    for (let w = 0; w < this.widthsS.length; w += 1) {
      const widthS = this.widthsS[w]!;
      const bucket = Math.floor(tsMs / (widthS * 1000));
      if (Number.isNaN(this.firstBucket[w])) this.firstBucket[w] = bucket;
      const key = slotKey(pair, bucket - this.firstBucket[w]!);
      const slots = this.slotOf[w]!;
      const slot = slots.get(key);
      if (slot === undefined) {
        slots.set(key, this.count.length);
        this.slotPair.push(pair);
        this.slotWidth.push(w);
        this.slotBucket.push(bucket * widthS);
        this.count.push(1);
        this.sum.push(value);
        this.min.push(value);
        this.max.push(value);
      } else {
        this.count[slot] = this.count[slot]! + 1;
        this.sum[slot] = this.sum[slot]! + value;
        if (value < this.min[slot]!) this.min[slot] = value;
        if (value > this.max[slot]!) this.max[slot] = value;
      }
    }
  }

  private pairOf(cell: string, metric: string): number {
    let c = this.cellIndex.get(cell);
    if (c === undefined) {
      c = this.cells.push(cellToBigInt(cell).toString()) - 1;
      this.cellIndex.set(cell, c);
    }
    let m = this.metricIndex.get(metric);
    if (m === undefined) {
      m = this.metrics.push(metric) - 1;
      this.metricIndex.set(metric, m);
    }
    const key = m * 2 ** 32 + c;
    let pair = this.pairIndex.get(key);
    if (pair === undefined) {
      pair = this.pairCell.push(c) - 1;
      this.pairMetric.push(m);
      this.pairIndex.set(key, pair);
    }
    return pair;
  }

  /** The deltas so far, one entry per rollup row, sorted by the rollup key. */
  columns(): RollupDeltaColumns {
    const { cells, metrics, pairCell, pairMetric, slotPair, slotWidth, slotBucket, count, sum, min, max } = this;
    const cellRank = ranks(cells, byInteger);
    const metricRank = ranks(metrics, byText);
    const widthRank = ranks(this.widthsS, (a, b) => a - b);
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
      widthS: order.map((slot) => this.widthsS[slotWidth[slot]!]!),
      bucketS: order.map((slot) => slotBucket[slot]!),
      count: order.map((slot) => count[slot]!),
      sum: order.map((slot) => sum[slot]!),
      min: order.map((slot) => min[slot]!),
      max: order.map((slot) => max[slot]!),
    };
  }
}

/**
 * The rollup deltas of `readings` for each width, as sorted columns (see {@link RollupAccumulator}).
 * @example rollupDeltaColumns([{ ..., tsMs: 310_000, value: 2 }], [300]).bucketS // [300]
 */
export function rollupDeltaColumns(readings: readonly Reading[], widthsS: readonly number[]): RollupDeltaColumns {
  const accumulator = new RollupAccumulator(widthsS);
  for (const reading of readings) accumulator.add(reading.cell, reading.metric, reading.tsMs, reading.value);
  return accumulator.columns();
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
