import { gridDisk, gridDistance, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import type { HotspotCell } from '../stats/hotspot-analysis';
import { fuseHotspots } from './fusion-classes';

const C = latLngToCell(39.9042, 116.4074, 9);
const ring = (k: number) => gridDisk(C, k).filter((cell) => gridDistance(C, cell) === k);
const [N1, N1b] = ring(1) as [string, string];
const [R3] = ring(3) as [string];
const [R6] = ring(6) as [string];

function cell(h3: string, cls: HotspotCell['class'] = 'none', confidence: HotspotCell['confidence'] = null, value = 1): HotspotCell {
  return { h3, value, z: cls === 'hot' ? 3 : cls === 'cold' ? -3 : 0, p: cls === 'none' ? 1 : 0.001, class: cls, confidence };
}

describe('fuseHotspots', () => {
  const humanCells = [C, N1, N1b, R3, R6];

  it('calls a cell confirmed, blind spot, silent risk or none by the two problems', () => {
    const { cells, summary } = fuseHotspots({
      human: [cell(C, 'hot', 99), cell(N1), cell(N1b), cell(R3, 'hot', 95), cell(R6)],
      physical: [cell(C, 'hot', 99), cell(R6, 'hot', 95)],
      higherIsWorse: true,
      confidence: 95,
    });
    const classOf = new Map(cells.map((fused) => [fused.h3, fused.class]));
    expect(classOf.get(C)).toBe('confirmed');
    expect(classOf.get(R3)).toBe('blind_spot');
    expect(classOf.get(R6)).toBe('silent_risk');
    // N1 has no sensor of its own; the sensor in C covers it and hears the problem, but residents do not report it there.
    expect(classOf.get(N1)).toBe('silent_risk');
    expect(summary).toEqual({ confirmed: 1, blind_spot: 1, silent_risk: 3, covered: 4, cells: 5 });
  });

  it('confirms a reported cell without a sensor of its own through the ring-1 sensor that covers it', () => {
    const { cells } = fuseHotspots({ human: [cell(C), cell(N1, 'hot', 99), cell(R3)], physical: [cell(C, 'hot', 99)], higherIsWorse: true, confidence: 95 });
    expect(cells.find((fused) => fused.h3 === N1)).toMatchObject({ class: 'confirmed', covered: true, physical: null });
  });

  it('does not let a neighbour override a cell that has sensors of its own', () => {
    const { cells } = fuseHotspots({ human: [cell(C), cell(N1, 'hot', 99), cell(R3)], physical: [cell(C, 'hot', 99), cell(N1)], higherIsWorse: true, confidence: 95 });
    expect(cells.find((fused) => fused.h3 === N1)!.class).toBe('blind_spot');
  });

  it('takes a cold spot as the physical problem when higher is not worse (streetlights on)', () => {
    const input = { human: [cell(C, 'hot', 99), cell(R3), cell(R6, 'hot', 99)], physical: [cell(C, 'cold', 99), cell(R6, 'hot', 99)], confidence: 95 as const };
    const lights = fuseHotspots({ ...input, higherIsWorse: false }).cells;
    expect(lights.find((fused) => fused.h3 === C)!.class).toBe('confirmed');
    expect(lights.find((fused) => fused.h3 === R6)!.class).toBe('blind_spot');
    const noise = fuseHotspots({ ...input, higherIsWorse: true }).cells;
    expect(noise.find((fused) => fused.h3 === C)!.class).toBe('blind_spot');
  });

  it('needs the asked confidence on both layers', () => {
    const input = { human: [cell(C, 'hot', 95), cell(R3)], physical: [cell(C, 'hot', 90)], higherIsWorse: true };
    expect(fuseHotspots({ ...input, confidence: 90 }).cells.find((fused) => fused.h3 === C)!.class).toBe('confirmed');
    expect(fuseHotspots({ ...input, confidence: 95 }).cells.find((fused) => fused.h3 === C)!.class).toBe('blind_spot');
    expect(fuseHotspots({ ...input, confidence: 99 }).cells.find((fused) => fused.h3 === C)!.class).toBe('none');
  });

  it('marks coverage: a sensor cell and its ring-1 neighbours, not ring 3', () => {
    const { cells } = fuseHotspots({ human: humanCells.map((h3) => cell(h3)), physical: [cell(C)], higherIsWorse: true, confidence: 95 });
    expect(cells.filter((fused) => fused.covered).map((fused) => fused.h3).sort()).toEqual([C, N1, N1b].sort());
  });

  it('refuses a physical cell outside the human study area', () => {
    expect(() => fuseHotspots({ human: [cell(C)], physical: [cell(R6)], higherIsWorse: true, confidence: 95 })).toThrow(RangeError);
  });
});
