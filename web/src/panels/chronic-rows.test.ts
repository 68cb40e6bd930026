import { describe, expect, it } from 'vitest';
import { parseChronic } from './chronic-rows';

describe('parseChronic', () => {
  it('lists each area with its categories most chronic first, none that never made the top 3', () => {
    const parsed = parseChronic({ level: 'district', months: 6, areas: [
      { area: '东城区', categories: [{ category: 'noise', months: 2 }, { category: 'heating', months: 6 }, { category: 'air', months: 0 }] },
      { area: '西城区', categories: [] },
    ] });
    expect(parsed).toEqual({ months: 6, areas: [{ area: '东城区', categories: [{ category: 'heating', months: 6 }, { category: 'noise', months: 2 }] }] });
    expect(parseChronic(undefined)).toEqual({ months: 6, areas: [] });
  });
});
