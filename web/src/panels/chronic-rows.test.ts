import { describe, expect, it } from 'vitest';
import { parseChronic } from './chronic-rows';

describe('parseChronic', () => {
  it('lists each area with its categories most chronic first, none that never made the top 3', () => {
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
    const parsed = parseChronic({ level: 'district', top: 3, months, areas: [
      { area: '东城区', categories: [
        { category: 'noise', monthsInTop: 2, months: ['2026-01', '2026-02'], total: 40 },
        { category: 'heating', monthsInTop: 6, months, total: 300 },
        { category: 'air', monthsInTop: 0, months: [], total: 2 },
      ] },
      { area: '西城区', categories: [] },
    ] });
    expect(parsed).toEqual({ months: 6, areas: [{ area: '东城区', categories: [{ category: 'heating', months: 6 }, { category: 'noise', months: 2 }] }] });
    expect(parseChronic(undefined)).toEqual({ months: 6, areas: [] });
  });
});
