import { describe, expect, it } from 'vitest';
import { cellAtLatLng, cellToBigInt, type Reading } from '@citytwin/shared';
import { rollupDeltas } from './rollup-deltas';

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

  it('puts readings before 1970 in the bucket that contains them', () => {
    expect(rollupDeltas([at(-1, 1)], [300])[0]?.bucketS).toBe(-300);
  });
});
