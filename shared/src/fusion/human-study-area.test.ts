import { gridDisk, gridDistance, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { assembleHumanStudyArea } from './human-study-area';

const A = latLngToCell(39.9042, 116.4074, 8);
const B = gridDisk(A, 5).find((cell) => gridDistance(A, cell) === 5)!;

describe('assembleHumanStudyArea', () => {
  it('adds the ring neighbours of every active cell with a count of 0', () => {
    const area = assembleHumanStudyArea({ activeCells: [A, B], counts: [{ h3: A, value: 4 }] }, 1);
    expect(area.size).toBe(14);
    expect(area.get(A)).toBe(4);
    for (const cell of gridDisk(B, 1)) expect(area.get(cell)).toBe(0);
  });

  it('widens with rings and merges overlapping discs', () => {
    const neighbour = gridDisk(A, 1).find((cell) => cell !== A)!;
    const area = assembleHumanStudyArea({ activeCells: [A, neighbour], counts: [] }, 2);
    expect(area.size).toBe(new Set([...gridDisk(A, 2), ...gridDisk(neighbour, 2)]).size);
    expect([...area.values()].every((value) => value === 0)).toBe(true);
  });

  it('keeps a counted cell the active list missed, with its ring', () => {
    const area = assembleHumanStudyArea({ activeCells: [], counts: [{ h3: B, value: 2 }] }, 1);
    expect(area.size).toBe(7);
    expect(area.get(B)).toBe(2);
  });

  it('is just the active cells at rings 0', () => {
    expect([...assembleHumanStudyArea({ activeCells: [A, B], counts: [] }, 0).keys()]).toEqual([A, B]);
  });
});
