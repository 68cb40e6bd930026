import type { MetricCode } from './metrics';

/**
 * Which physical metric and which first-level appeal category describe the same
 * problem. Fusion compares the two layers only along these pairs.
 */
export const METRIC_CATEGORY_PAIRS: ReadonlyArray<{ metric: MetricCode; category: string }> = [
  { metric: 'noise_db', category: 'noise' },
  { metric: 'pm25', category: 'air' },
  { metric: 'water_level_cm', category: 'flooding' },
  { metric: 'streetlight_on', category: 'streetlight' },
  { metric: 'traffic_flow', category: 'traffic' },
];

/** The appeal category paired with `metric`, if any. */
export function categoryForMetric(metric: MetricCode): string | undefined {
  return METRIC_CATEGORY_PAIRS.find((pair) => pair.metric === metric)?.category;
}

/** The metric paired with a first-level appeal category, if any. */
export function metricForCategory(category: string): MetricCode | undefined {
  return METRIC_CATEGORY_PAIRS.find((pair) => pair.category === category)?.metric;
}
