import { describe, expect, it } from 'vitest';
import { topCategories } from './top-categories';

describe('topCategories', () => {
  it('counts second-level codes for their family, most frequent first, ties by code', () => {
    const appeals = ['noise.construction', 'noise', 'garbage', 'air', 'noise.traffic'].map((category) => ({ category }));
    expect(topCategories(appeals, 2)).toEqual([{ code: 'noise', count: 3 }, { code: 'air', count: 1 }]);
    expect(topCategories([], 3)).toEqual([]);
  });
});
