import type { MetricSpec } from '@citytwin/shared';

/** Message key of a metric's unit (the catalogue's units are English words for some metrics). */
export function unitKey(metric: Pick<MetricSpec, 'code'>): string {
  return `unit.${metric.code}`;
}
