import { getPentagons, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { diskOffsets, latticePosition, latticeRegion } from './cell-lattice';

const UNIT_STEPS = [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, -1]].map(([i, j]) => `${i},${j}`);

describe('latticePosition', () => {
  it.each([[39.9042, 116.4074, 8], [40.758, -73.9855, 9], [-33.87, 151.21, 6]])('puts the ring-1 cells of (%s, %s) res %s one unit step away', (lat, lng, res) => {
    const centre = latticePosition(latLngToCell(lat, lng, res))!;
    for (const near of gridDisk(latLngToCell(lat, lng, res), 1).slice(1)) {
      const at = latticePosition(near)!;
      if (at.baseCell !== centre.baseCell) continue;
      expect(UNIT_STEPS).toContain(`${at.i - centre.i},${at.j - centre.j}`);
    }
  });

  it('reads the base cell and resolution of the index', () => {
    expect(latticePosition('8831aa4287fffff')).toMatchObject({ baseCell: 24, res: 8, pentagonBase: true });
    expect(latticePosition(latLngToCell(40.758, -73.9855, 9))).toMatchObject({ baseCell: 21, res: 9, pentagonBase: false });
    expect(latticePosition(latLngToCell(40.758, -73.9855, 13))).toBeNull();
  });
});

describe('latticeRegion', () => {
  it('finds a cell inside its own base cell and the pentagon at the centre', () => {
    const cell = latticePosition(latLngToCell(40.758, -73.9855, 9))!;
    expect(latticeRegion(cell.res, cell.i, cell.j, false)).toBe('inside');
    expect(latticePosition(getPentagons(9)[0]!)).toMatchObject({ i: 0, j: 0 });
  });

  it('sees the deleted sector next to a pentagon and the next base cell far away', () => {
    // One K step (-1, -1) from a pentagon is the sector H3 deletes; 7^5 steps out is another base cell at res 9.
    expect(latticeRegion(9, -1, -1, true)).toBe('deleted_sector');
    expect(latticeRegion(9, -1, -1, false)).toBe('inside');
    expect(latticeRegion(9, 17000, 0, false)).toBe('other_base_cell');
  });
});

describe('diskOffsets', () => {
  it('has 1 + 3k(k + 1) steps, itself first', () => {
    expect(diskOffsets(0)).toEqual([[0, 0]]);
    expect(diskOffsets(1)).toHaveLength(7);
    expect(diskOffsets(3)).toHaveLength(37);
    expect(diskOffsets(2)[0]).toEqual([0, 0]);
  });
});
