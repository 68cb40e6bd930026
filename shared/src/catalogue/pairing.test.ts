import { describe, expect, it } from 'vitest';
import { findAppealCategory } from '../appeals/categories';
import { isMetricCode } from './metrics';
import { METRIC_CATEGORY_PAIRS, categoryForMetric, metricForCategory } from './pairing';

describe('metric-category pairing', () => {
  it('pairs only real metrics with real first-level categories', () => {
    for (const { metric, category } of METRIC_CATEGORY_PAIRS) {
      expect(isMetricCode(metric)).toBe(true);
      expect(findAppealCategory(category)?.parent).toBe(category);
    }
  });

  it('answers both directions', () => {
    expect(categoryForMetric('noise_db')).toBe('noise');
    expect(metricForCategory('flooding')).toBe('water_level_cm');
    expect(categoryForMetric('temperature_c')).toBeUndefined();
    expect(metricForCategory('garbage')).toBeUndefined();
  });
});
