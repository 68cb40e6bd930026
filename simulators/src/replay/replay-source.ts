import { telemetryTopic, type MetricCode } from '@citytwin/shared';
import type { FleetSlot } from '../fleet/fleet-messages';
import type { SimulatedSensor } from '../fleet/fleet-layout';

/** A recorded reading row of one sensor. */
export interface RecordedRow {
  tsMs: number;
  sensor: SimulatedSensor;
  values: Partial<Record<MetricCode, number>>;
}

/**
 * Turns recorded rows (sorted by time) into publishable slots, native JSON,
 * each row's timestamp moved by `shiftMs`. Rows without a value are skipped.
 */
export class ReplaySource {
  private index = 0;

  constructor(private readonly rows: readonly RecordedRow[], private readonly topicPrefix: string, private readonly shiftMs = 0) {}

  peekTsMs(): number {
    const row = this.rows[this.index];
    return row ? row.tsMs + this.shiftMs : Infinity;
  }

  next(): FleetSlot {
    const row = this.rows[this.index];
    if (!row) throw new RangeError('the replay is over');
    this.index += 1;
    const tsMs = row.tsMs + this.shiftMs;
    const readings = Object.keys(row.values).length;
    if (readings === 0) return { tsMs, sensor: row.sensor, messages: [] };
    return { tsMs, sensor: row.sensor, messages: [{ topic: telemetryTopic(row.sensor.id, this.topicPrefix), payload: JSON.stringify({ ts: tsMs, values: row.values }), readings }] };
  }
}

/** Keeps rows in [fromMs, toMs) and sorts them by time (stable: file order within an instant). */
export function selectRows<T extends { tsMs: number }>(rows: readonly T[], fromMs = -Infinity, toMs = Infinity): T[] {
  return rows.filter((row) => row.tsMs >= fromMs && row.tsMs < toMs).sort((a, b) => a.tsMs - b.tsMs);
}
