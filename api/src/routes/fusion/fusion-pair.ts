import { categoryForMetric, findAppealCategory, METRIC_CATEGORY_PAIRS, type MetricCode } from '@citytwin/shared';
import { badParameter } from '../../app/http-error';

/**
 * The metric and first-level category a fused analysis compares: `category`
 * defaults to the metric's pair and must be it. An unpaired metric is a 400
 * naming `metric`; any other category (a second-level code, another family)
 * a 400 naming `category`.
 */
export function resolveFusionPair(metric: MetricCode, category: string | undefined): { metric: MetricCode; category: string } {
  const paired = categoryForMetric(metric);
  const pairs = METRIC_CATEGORY_PAIRS.map((pair) => `${pair.metric}/${pair.category}`).join(', ');
  if (!paired) throw badParameter('metric', `${metric} has no paired appeal category; fusion pairs are ${pairs}`);
  if (category === undefined) return { metric, category: paired };
  if (category !== paired) {
    const known = findAppealCategory(category) ? `"${category}" is not paired with ${metric}` : `"${category}" is not an appeal category code`;
    throw badParameter('category', `${known}; ${metric} pairs with ${paired} (pairs: ${pairs})`);
  }
  return { metric, category };
}
