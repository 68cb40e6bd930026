import { describe, expect, it } from 'vitest';
import { cellNeighbourGraph } from '../stats/neighbour-graph';
import { analyseEmergingHotspots } from './emerging-hotspots';
import { cubeFromSteps } from './space-time-cube';
import { spaceTimeGiStar, spaceTimeNeighbourGraph } from './space-time-gi-star';
import { gridDisk } from 'h3-js';

// A and B are neighbours, B and C are neighbours, A and C are two steps apart.
const A = '8931aa4282fffff';
const B = '8931aa4282bffff';
const C = '8931aa42877ffff';

describe('spaceTimeNeighbourGraph', () => {
  it('adds the previous timeLag steps of each spatial neighbourhood', () => {
    const graph = spaceTimeNeighbourGraph(cellNeighbourGraph([A, B, C], 1), 3, 1);
    const row = (position: number) => Array.from(graph.index.subarray(graph.offsets[position]!, graph.offsets[position + 1]!)).sort((x, y) => x - y);
    expect(row(0)).toEqual([0, 1]); // A at step 0: A, B
    expect(row(4)).toEqual([0, 1, 2, 3, 4, 5]); // B at step 1: all three at steps 0 and 1
    expect(row(8)).toEqual([4, 5, 7, 8]); // C at step 2: B, C at steps 1 and 2
  });
});

describe('spaceTimeGiStar', () => {
  it('matches a 3-cell x 2-step cube worked by hand', () => {
    // Values: step 0 A=1 B=2 C=3; step 1 A=4 B=0 C=8. n = 6, mean 3, S = √(40/6) = 2.58199.
    // Deviations: step 0: −2 −1 0; step 1: 1 −3 5.
    // A0 {A0,B0}: Σ = −3, W = 2, √((6·2 − 4)/5) = 1.26491 -> z = −3 / (2.58199 · 1.26491) = −0.918559
    // B0 {A0,B0,C0}: Σ = −3, W = 3, √((18 − 9)/5) = 1.34164 -> z = −0.866025
    // C0 {B0,C0}: Σ = −1, W = 2 -> z = −0.306186
    // A1 {A1,B1,A0,B0}: Σ = 1 − 3 − 2 − 1 = −5, W = 4, √((24 − 16)/5) = 1.26491 -> z = −1.530931
    // B1: every bin (W = n), the denominator vanishes -> z = 0, p = 1
    // C1 {B1,C1,B0,C0}: Σ = −3 + 5 − 1 + 0 = 1, W = 4 -> z = 0.306186
    const cube = cubeFromSteps([A, B, C], [new Map([[A, 1], [B, 2], [C, 3]]), new Map([[A, 4], [B, 0], [C, 8]])]);
    const { z, p, bins } = spaceTimeGiStar(cube, { rings: 1, timeLag: 1 });
    const expected = [-0.918559, -0.866025, -0.306186, -1.530931, 0, 0.306186];
    expected.forEach((value, i) => expect(z[i]).toBeCloseTo(value, 5));
    expect(p[4]).toBe(1);
    expect(Array.from(bins)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('with timeLag 0 is the purely spatial Gi* of the cube', () => {
    const cube = cubeFromSteps([A, B, C], [new Map([[A, 1], [B, 2], [C, 3]]), new Map([[A, 4], [B, 0], [C, 8]])]);
    // A1 {A1,B1}: Σ = 1 − 3 = −2, W = 2 -> z = −2 / 3.26599 = −0.612372
    expect(spaceTimeGiStar(cube, { timeLag: 0 }).z[3]).toBeCloseTo(-0.612372, 5);
  });

  it('marks a cluster that appears in the last steps as hot after the per-step FDR, and classifies it', () => {
    const cells = gridDisk(A, 6);
    const cluster = new Set(gridDisk(A, 1));
    const steps = Array.from({ length: 10 }, (_, t) => new Map(cells.map((cell, i) => [cell, (i % 3) + (t >= 8 && cluster.has(cell) ? 20 : 0)])));
    const result = analyseEmergingHotspots(cubeFromSteps(cells, steps), { rings: 1, timeLag: 1 });
    const centre = result.find((cell) => cell.h3 === A)!;
    expect(centre.pattern).toBe('consecutive_hot');
    expect(centre.z).toHaveLength(10);
    expect(centre.z[9]).toBeGreaterThan(3);
    expect(result.find((cell) => cell.h3 === cells[cells.length - 1])!.pattern).toBe('no_pattern');
  });
});
