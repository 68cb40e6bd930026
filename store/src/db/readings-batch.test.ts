import { describe, expect, it } from 'vitest';
import { cellAtLatLng, cellToBigInt, type Reading } from '@citytwin/shared';
import { describeReadingsBatch } from '../notify/describe-change';
import { ReadingsBatch } from './readings-batch';
import { rollupDeltaColumns } from './rollup-deltas';

const here = cellAtLatLng({ lat: 39.9, lng: 116.4 }, 9);
const there = cellAtLatLng({ lat: 39.95, lng: 116.3 }, 9);
const readings: Reading[] = [
  { sensorId: 'aq-1', metric: 'pm25', tsMs: Date.parse('2026-03-01T10:00:00Z'), value: 35.5, cell: here },
  { sensorId: 'aq-2', metric: 'pm10', tsMs: Date.parse('2026-03-01T09:59:59.250Z'), value: 0.1 + 0.2, cell: there },
  { sensorId: 'aq-1', metric: 'pm25', tsMs: Date.parse('2026-03-01T10:05:00Z'), value: 40, cell: here },
];

describe('ReadingsBatch', () => {
  it('builds the COPY text line by line: sensor, metric, ISO time, value in round-trip form, cell as a 64-bit integer', () => {
    expect(Buffer.from(ReadingsBatch.of(readings).copyData()).toString('latin1')).toBe(
      `aq-1,pm25,2026-03-01T10:00:00.000Z,35.5,${cellToBigInt(here)}\n` +
        `aq-2,pm10,2026-03-01T09:59:59.250Z,0.30000000000000004,${cellToBigInt(there)}\n` +
        `aq-1,pm25,2026-03-01T10:05:00.000Z,40,${cellToBigInt(here)}\n`,
    );
  });

  it('accumulates the same rollup deltas and announcement as computed from the whole batch at once', () => {
    const batch = ReadingsBatch.of(readings);
    expect(batch.length).toBe(3);
    expect(batch.rollupDeltas()).toEqual(rollupDeltaColumns(readings, [300]));
    expect(batch.change()).toEqual(describeReadingsBatch(readings));
  });

  it("keeps each sensor's newest reading time", () => {
    expect([...ReadingsBatch.of(readings).newestBySensor]).toEqual([
      ['aq-1', Date.parse('2026-03-01T10:05:00Z')],
      ['aq-2', Date.parse('2026-03-01T09:59:59.250Z')],
    ]);
  });

  it('grows its buffer past the first 64 KiB without losing a byte', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ ...readings[0]!, sensorId: `aq-${i}`, value: i / 7 }));
    const text = Buffer.from(ReadingsBatch.of(many).copyData()).toString('latin1');
    expect(text.length).toBeGreaterThan(64 * 1024);
    expect(text.split('\n').slice(0, -1)).toEqual(many.map((r) => `${r.sensorId},pm25,2026-03-01T10:00:00.000Z,${r.value},${cellToBigInt(here)}`));
  });

  it('is empty when nothing was added', () => {
    expect(new ReadingsBatch()).toMatchObject({ length: 0 });
    expect(new ReadingsBatch().copyData().length).toBe(0);
  });
});
