import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { METRICS } from '@citytwin/shared';
import { columnsOf } from '../api/cell-columns';
import { hexCentroids } from './hex-geometry';
import { robustDomain } from './robust-domain';
import { valuesInView } from './values-in-view';

// Twenty quiet cells downtown and ten loud ones 30 km away.
const QUIET = Array.from({ length: 20 }, (_, index) => ({ h3: latLngToCell(39.9, 116.39 + index * 0.002, 9), value: 50 + index }));
const LOUD = Array.from({ length: 10 }, (_, index) => ({ h3: latLngToCell(40.17, 116.39 + index * 0.002, 9), value: 110 + index }));
const CELLS = [...QUIET, ...LOUD];
const COLUMNS = columnsOf({ layer: 'physical', res: 9, from: '', to: '', cells: CELLS.map((cell) => ({ ...cell, count: 1 })) });
const POSITIONS = hexCentroids(COLUMNS);
const DOWNTOWN = [116.3, 39.85, 116.5, 39.95] as const;

describe('colour domain from the cells in view', () => {
  it('keeps only the cells whose centre is inside the view', () => {
    expect([...valuesInView(COLUMNS.value, POSITIONS, DOWNTOWN)]).toEqual(QUIET.map((cell) => cell.value));
    expect(valuesInView(COLUMNS.value, POSITIONS, [0, 0, 1, 1]).length).toBe(0);
  });

  it('takes every cell before the map has reported its view', () => {
    expect(valuesInView(COLUMNS.value, POSITIONS, undefined).length).toBe(30);
  });

  it('spans the 2nd-98th percentile of the quiet cells on screen, not the loud ones off screen', () => {
    const [low, high] = robustDomain(valuesInView(COLUMNS.value, POSITIONS, DOWNTOWN), METRICS.noise_db);
    // 50..69: p2 = 50 + 0.38, p98 = 50 + 18.62
    expect(low).toBeCloseTo(50.38, 10);
    expect(high).toBeCloseTo(68.62, 10);
    const [, allHigh] = robustDomain(COLUMNS.value, METRICS.noise_db);
    expect(allHigh).toBeGreaterThan(110);
  });

  it('clamps the domain of the cells in view to the catalogue range', () => {
    const wild = columnsOf({ layer: 'physical', res: 9, from: '', to: '', cells: QUIET.map((cell, index) => ({ h3: cell.h3, value: index % 2 ? 500 : -40, count: 1 })) });
    expect(robustDomain(valuesInView(wild.value, hexCentroids(wild), DOWNTOWN), METRICS.noise_db)).toEqual([METRICS.noise_db.min, METRICS.noise_db.max]);
  });
});
