import { describe, expect, it } from 'vitest';
import { cellAtLatLng, cellToBigInt, type Reading } from '@citytwin/shared';
import { rollupDeltaColumns, rollupDeltas, type RollupDelta } from './rollup-deltas';

const cell = cellAtLatLng({ lat: 39.9, lng: 116.4 }, 9);
const at = (tsMs: number, value: number, metric: Reading['metric'] = 'pm25'): Reading => ({ sensorId: 's', metric, tsMs, value, cell });

describe('rollupDeltas', () => {
  it('sums, counts and bounds readings per bucket start (multiples of the width since the epoch)', () => {
    const deltas = rollupDeltas([at(299_999, 4), at(300_000, 10), at(599_999, 2), at(3_700_000, 7, 'pm10')], [300, 3600]);
    expect(deltas).toEqual([
      { cell: cellToBigInt(cell).toString(), metric: 'pm10', widthS: 300, bucketS: 3600, count: 1, sum: 7, min: 7, max: 7 },
      { cell: cellToBigInt(cell).toString(), metric: 'pm10', widthS: 3600, bucketS: 3600, count: 1, sum: 7, min: 7, max: 7 },
      { cell: cellToBigInt(cell).toString(), metric: 'pm25', widthS: 300, bucketS: 0, count: 1, sum: 4, min: 4, max: 4 },
      { cell: cellToBigInt(cell).toString(), metric: 'pm25', widthS: 300, bucketS: 300, count: 2, sum: 12, min: 2, max: 10 },
      { cell: cellToBigInt(cell).toString(), metric: 'pm25', widthS: 3600, bucketS: 0, count: 3, sum: 16, min: 2, max: 10 },
    ]);
  });

  it('equals a plain per-reading aggregation sorted by BigInt cell on a mixed batch', () => {
    // Cells of two resolutions (indexes of different digit counts), three metrics, times either side of 1970.
    const cells = [cellAtLatLng({ lat: 39.9, lng: 116.4 }, 9), cellAtLatLng({ lat: 39.95, lng: 116.3 }, 9), cellAtLatLng({ lat: 39.9, lng: 116.4 }, 2), cellAtLatLng({ lat: 40.1, lng: 116.6 }, 5)];
    const metrics: Array<Reading['metric']> = ['pm25', 'noise_db', 'pm10'];
    const readings: Reading[] = Array.from({ length: 2000 }, (_, i) => ({
      sensorId: `s${i % 7}`, metric: metrics[(i * 7) % 3]!, tsMs: -7_200_000 + ((i * 7919) % 50_000) * 997, value: ((i * 31) % 101) / 3, cell: cells[(i * 13) % 4]!,
    }));
    const widths = [300, 3600, 86400];
    const byKey = new Map<string, RollupDelta>();
    for (const reading of readings) {
      for (const widthS of widths) {
        const bucketS = Math.floor(reading.tsMs / 1000 / widthS) * widthS;
        const cell = cellToBigInt(reading.cell).toString();
        const key = `${reading.metric}|${widthS}|${bucketS}|${cell}`;
        const delta = byKey.get(key) ?? { cell, metric: reading.metric, widthS, bucketS, count: 0, sum: 0, min: Infinity, max: -Infinity };
        delta.count += 1;
        delta.sum += reading.value;
        delta.min = Math.min(delta.min, reading.value);
        delta.max = Math.max(delta.max, reading.value);
        byKey.set(key, delta);
      }
    }
    const expected = [...byKey.values()].sort((a, b) =>
      a.metric !== b.metric ? (a.metric < b.metric ? -1 : 1) : a.widthS - b.widthS || a.bucketS - b.bucketS || (BigInt(a.cell) < BigInt(b.cell) ? -1 : BigInt(a.cell) > BigInt(b.cell) ? 1 : 0),
    );
    expect(rollupDeltas(readings, widths)).toEqual(expected);
    expect(rollupDeltaColumns(readings, widths).length).toBe(expected.length);
  });

  it('keeps buckets decades apart apart (past the numeric key range)', () => {
    const fortyYearsMs = 40 * 365 * 86_400_000;
    const deltas = rollupDeltas([at(0, 1), at(fortyYearsMs, 2), at(fortyYearsMs + 1, 4), at(-fortyYearsMs, 8)], [300]);
    expect(deltas.map((delta) => [delta.bucketS, delta.count, delta.sum])).toEqual([
      [-fortyYearsMs / 1000, 1, 8],
      [0, 1, 1],
      [fortyYearsMs / 1000, 2, 6],
    ]);
  });

  it('gives no deltas for no readings', () => {
    expect(rollupDeltaColumns([], [300])).toMatchObject({ length: 0, cell: [] });
  });

  it('puts readings before 1970 in the bucket that contains them', () => {
    expect(rollupDeltas([at(-1, 1)], [300])[0]?.bucketS).toBe(-300);
  });
});
