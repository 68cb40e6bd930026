import { describe, expect, it } from 'vitest';
import { chronicProblems } from './chronic-problems';

describe('chronicProblems', () => {
  it('counts the months each category was in its area\'s top 3', () => {
    const result = chronicProblems([
      { month: '2026-05', counts: [
        { area: 'Dongcheng', category: 'noise', count: 9 }, { area: 'Dongcheng', category: 'garbage', count: 7 },
        { area: 'Dongcheng', category: 'heating', count: 5 }, { area: 'Dongcheng', category: 'traffic', count: 4 },
        { area: 'Xicheng', category: 'water', count: 2 },
      ] },
      { month: '2026-04', counts: [
        { area: 'Dongcheng', category: 'noise', count: 3 }, { area: 'Dongcheng', category: 'traffic', count: 8 },
        // a tie at the third place goes to the earlier code: garbage before heating
        { area: 'Dongcheng', category: 'heating', count: 2 }, { area: 'Dongcheng', category: 'garbage', count: 2 },
      ] },
    ], 3);
    expect(result.map((area) => area.area)).toEqual(['Dongcheng', 'Xicheng']);
    expect(result[0]!.categories).toEqual([
      { category: 'noise', monthsInTop: 2, months: ['2026-04', '2026-05'], total: 12 },
      { category: 'garbage', monthsInTop: 2, months: ['2026-04', '2026-05'], total: 9 },
      { category: 'traffic', monthsInTop: 1, months: ['2026-04'], total: 12 },
      { category: 'heating', monthsInTop: 1, months: ['2026-05'], total: 7 },
    ]);
    expect(result[1]!.categories).toEqual([{ category: 'water', monthsInTop: 1, months: ['2026-05'], total: 2 }]);
  });
});
