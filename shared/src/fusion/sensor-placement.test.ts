import { gridDisk, gridDistance, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { coveredCells } from './coverage';
import { pickSensorPlacements } from './sensor-placement';

const C = latLngToCell(39.9042, 116.4074, 8);
const at = (k: number, i = 0) => gridDisk(C, k).filter((cell) => gridDistance(C, cell) === k)[i]!;

describe('pickSensorPlacements', () => {
  it('picks the disc with the most uncovered appeals first, then what is left', () => {
    // C 5 appeals and a ring-1 neighbour 3: one sensor at either, or at a cell next to both, covers 8.
    // Far away, a cell of 4 appeals: the second pick covers it.
    const far = at(6);
    const counts = new Map([[C, 5], [at(1), 3], [far, 4]]);
    const advice = pickSensorPlacements(counts, new Set(), 10);
    expect(advice.uncoveredBefore).toBe(12);
    expect(advice.picks[0]).toMatchObject({ covers: 8, cumulative: 8 });
    expect(gridDistance(advice.picks[0]!.h3, C)).toBeLessThanOrEqual(1);
    expect(gridDistance(advice.picks[0]!.h3, at(1))).toBeLessThanOrEqual(1);
    expect(advice.picks[1]!.covers).toBe(4);
    expect(gridDistance(advice.picks[1]!.h3, far)).toBeLessThanOrEqual(1);
    expect(advice.picks).toHaveLength(2);
    expect(advice.uncoveredAfter).toBe(0);
  });

  it('ignores appeals in cells a sensor already covers', () => {
    const counts = new Map([[C, 9], [at(5), 2]]);
    const advice = pickSensorPlacements(counts, coveredCells([at(1)]), 3);
    expect(advice.uncoveredBefore).toBe(2);
    expect(advice.picks.map((pick) => pick.covers)).toEqual([2]);
  });

  it('stops at k picks and reports what stays uncovered', () => {
    const counts = new Map([[at(4, 0), 3], [at(8, 0), 2], [at(12, 0), 1]]);
    const advice = pickSensorPlacements(counts, new Set(), 2);
    expect(advice.picks.map((pick) => [pick.covers, pick.cumulative])).toEqual([[3, 3], [2, 5]]);
    expect(advice.uncoveredAfter).toBe(1);
  });

  it('prefers a site between two clusters over either alone', () => {
    // Two cells two steps apart, 3 appeals each: a cell next to both covers 6.
    const a = at(1, 0);
    const b = gridDisk(a, 2).find((cell) => gridDistance(a, cell) === 2 && gridDistance(C, cell) === 1)!;
    const advice = pickSensorPlacements(new Map([[a, 3], [b, 3]]), new Set(), 1);
    expect(advice.picks[0]!.covers).toBe(6);
  });

  it('is deterministic on ties (smallest cell index first)', () => {
    const counts = new Map([[at(6, 0), 1], [at(6, 5), 1]]);
    const first = pickSensorPlacements(counts, new Set(), 1).picks[0]!.h3;
    const candidates = [...gridDisk(at(6, 0), 1), ...gridDisk(at(6, 5), 1)].sort();
    expect(first).toBe(candidates[0]);
  });
});
