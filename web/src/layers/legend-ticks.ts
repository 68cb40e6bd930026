import type { MetricSpec } from '@citytwin/shared';
import { valueAtScalePosition } from './colour-scale';

/** A label at a position (0..1, left to right) along a legend's colour bar. */
export interface LegendTick {
  position: number;
  label: string;
}

/** Short label of a reading: one decimal below 10, whole numbers above. */
export function formatReading(value: number): string {
  return Math.abs(value) < 10 ? value.toFixed(1).replace(/\.0$/, '') : String(Math.round(value));
}

/**
 * Readings at evenly spaced positions of the severity bar (good on the left),
 * inverting the scale of `metricSeverity`.
 * @example severityTicks(METRICS.pm25, 3).map((t) => t.label) // ['0', '182', '2000']
 */
export function severityTicks(spec: Pick<MetricSpec, 'min' | 'max' | 'higherIsWorse' | 'kind'>, count = 5): LegendTick[] {
  return Array.from({ length: count }, (_, index) => {
    const position = index / (count - 1);
    const scalePosition = spec.higherIsWorse ? position : 1 - position;
    return { position, label: formatReading(valueAtScalePosition(scalePosition, spec)) };
  });
}

/**
 * Appeal counts at the left end, middle and right end of the count bar
 * (log axis up to the busiest cell), without repeats.
 * @example countTicks(99).map((t) => t.label) // ['0', '9', '99']
 */
export function countTicks(maxCount: number): LegendTick[] {
  if (maxCount <= 0) return [{ position: 0, label: '0' }];
  const ticks = [0, 0.5, 1].map((position) => ({ position, count: Math.round(Math.expm1(position * Math.log1p(maxCount))) }));
  return ticks.filter((tick, index) => index === 0 || tick.count !== ticks[index - 1]!.count).map(({ position, count }) => ({ position, label: String(count) }));
}
