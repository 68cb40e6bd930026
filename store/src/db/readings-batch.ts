import { cellToBigInt, type MetricCode, type Reading } from '@citytwin/shared';
import type { ReadingsChange } from '../notify/change-channels';
import { RollupAccumulator, type RollupDeltaColumns } from './rollup-deltas';

const INITIAL_BYTES = 64 * 1024;
/** Writers add to the finest rollup tier only; the coarser ones are derived from it. */
const FIVE_MINUTES_S = 300;

/**
 * A batch of readings on its way to the store, built as they arrive: the COPY
 * text is written line by line into one growing byte buffer, the rollup deltas
 * are accumulated, and what the live channel is told (metrics, time span, cells) and
 * each sensor's newest time are kept up to date. No reading object or string
 * piece is held, so a batch of 20,000 readings is one buffer and a few arrays
 * for the garbage collector, not 20,000 objects that outlive the young
 * generation.
 */
export class ReadingsBatch {
  /** Readings added. */
  length = 0;
  private bytes = Buffer.allocUnsafe(INITIAL_BYTES);
  private used = 0;
  private readonly rollups = new RollupAccumulator([FIVE_MINUTES_S]);
  private readonly cellIds = new Map<string, string>();
  // Fleets report on aligned clocks, so a batch holds few distinct times: format each once.
  private readonly isoTimes = new Map<number, string>();
  private readonly metrics = new Set<MetricCode>();
  private fromMs = Infinity;
  private toMs = -Infinity;
  /** The newest reading time of each sensor in the batch, epoch ms. */
  readonly newestBySensor = new Map<string, number>();

  /** A batch holding `readings`. */
  static of(readings: readonly Reading[]): ReadingsBatch {
    const batch = new ReadingsBatch();
    for (const reading of readings) batch.add(reading);
    return batch;
  }

  add(reading: Reading): void {
    const { sensorId, metric, tsMs, value } = reading;
    let cell = this.cellIds.get(reading.cell);
    if (cell === undefined) {
      cell = cellToBigInt(reading.cell).toString();
      this.cellIds.set(reading.cell, cell);
    }
    let iso = this.isoTimes.get(tsMs);
    if (iso === undefined) {
      iso = new Date(tsMs).toISOString();
      this.isoTimes.set(tsMs, iso);
    }
    // Sensor ids and metric codes are validated to [A-Za-z0-9_.:-], so no quoting is needed.
    this.append(`${sensorId},${metric},${iso},${value},${cell}\n`);
    this.rollups.add(reading.cell, metric, tsMs, value);
    this.metrics.add(metric);
    if (tsMs < this.fromMs) this.fromMs = tsMs;
    if (tsMs > this.toMs) this.toMs = tsMs;
    if ((this.newestBySensor.get(sensorId) ?? -Infinity) < tsMs) this.newestBySensor.set(sensorId, tsMs);
    this.length += 1;
  }

  // Every character of a line is ASCII (ids, codes, ISO times, numbers), so one byte each.
  private append(line: string): void {
    if (this.used + line.length > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + line.length));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(line, this.used, 'latin1');
  }

  /** The batch as COPY CSV bytes (sensor_id, metric, ts, value, cell), one line per reading. */
  copyData(): Uint8Array {
    return this.bytes.subarray(0, this.used);
  }

  /** What the batch adds to the 5-minute rollups, sorted by the rollup key. */
  rollupDeltas(): RollupDeltaColumns {
    return this.rollups.columns();
  }

  /** The live channel's announcement of the batch: its metrics, time span and the cells it wrote to. */
  change(): ReadingsChange {
    return { metrics: [...this.metrics].sort(), fromMs: this.fromMs, toMs: this.toMs, count: this.length, cells: [...this.cellIds.keys()].sort() };
  }
}
