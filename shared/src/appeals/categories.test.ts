import { describe, expect, it } from 'vitest';
import { APPEAL_CATEGORIES, TOP_CATEGORY_CODES, findAppealCategory, topCategoryOf } from './categories';

describe('appeal category taxonomy', () => {
  it('has the fifteen first-level categories the hotline uses', () => {
    expect(TOP_CATEGORY_CODES).toEqual([
      'noise', 'air', 'flooding', 'streetlight', 'road', 'garbage', 'illegal_construction',
      'traffic', 'heating', 'water_supply', 'property', 'business', 'public_service',
      'social_risk', 'other',
    ]);
  });

  it('names the hotline categories in Chinese and English', () => {
    expect(findAppealCategory('noise')?.nameZh).toBe('噪音扰民');
    expect(findAppealCategory('flooding')?.nameZh).toBe('积水/排水');
    expect(findAppealCategory('air')?.nameEn).toBe('Air pollution / odour');
  });

  it('links second-level categories to their parent', () => {
    expect(topCategoryOf('noise.construction')).toBe('noise');
    expect(topCategoryOf('noise')).toBe('noise');
    expect(topCategoryOf('nonsense')).toBeUndefined();
  });

  it('has unique codes, each child prefixed by its parent', () => {
    const codes = APPEAL_CATEGORIES.map((category) => category.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const category of APPEAL_CATEGORIES) {
      if (category.code !== category.parent) expect(category.code.startsWith(`${category.parent}.`)).toBe(true);
    }
  });
});
