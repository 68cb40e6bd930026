import type { MetricSpec } from '@citytwin/shared';
import { APPEALS_PALETTE, SEVERITY_PALETTE, colourAt, type Rgba } from './palette';

/**
 * Steepness of the logarithmic stretch. Catalogue ranges are the physical limits
 * of sensors (PM2.5 up to 2000 µg/m³), so everyday concentrations sit in the
 * bottom few per cent of the range; ln(1 + K·x) / ln(1 + K) with K = 99 maps
 * x = 0.01 to 0.15, x = 0.1 to 0.52 and keeps 0 -> 0 and 1 -> 1.
 */
const STRETCH = 99;

type ScaleSpec = Pick<MetricSpec, 'min' | 'max' | 'kind'>;

/**
 * Sensor kinds read on a linear scale: decibels are already logarithmic,
 * temperature is an interval scale, streetlights report a fraction.
 * Concentrations, flows and water depths get the log stretch.
 */
const LINEAR_KINDS: ReadonlySet<MetricSpec['kind']> = new Set(['noise', 'weather', 'streetlight']);

/** True when the metric's colour scale is log-stretched (see STRETCH). */
export function isStretched(spec: Pick<MetricSpec, 'kind'>): boolean {
  return !LINEAR_KINDS.has(spec.kind);
}

/** Part of the metric's catalogue range covered by the colour scale: [floor, max]. */
export function severityDomain(spec: ScaleSpec): readonly [floor: number, max: number] {
  // A stretched scale starts at "none" (no water above the kerb, no vehicles).
  return isStretched(spec) ? [Math.max(spec.min, 0), spec.max] : [spec.min, spec.max];
}

/**
 * How bad a reading is, 0 (best) to 1 (worst), relative to the metric's
 * catalogue range, log-stretched for concentrations (see STRETCH) and flipped
 * when a higher value is better (`higherIsWorse: false`).
 * @example metricSeverity(45, METRICS.pm25) // ≈ 0.254
 * @example metricSeverity(80, METRICS.noise_db) // 0.5
 */
export function metricSeverity(value: number, spec: ScaleSpec & Pick<MetricSpec, 'higherIsWorse'>): number {
  const [floor, max] = severityDomain(spec);
  const x = Math.min(1, Math.max(0, (value - floor) / (max - floor)));
  const position = isStretched(spec) ? Math.log1p(STRETCH * x) / Math.log1p(STRETCH) : x;
  return spec.higherIsWorse ? position : 1 - position;
}

/**
 * Inverse of the scale: the reading at position `t` (0..1) of the scale,
 * measured from the floor. Used for legend ticks.
 * @example valueAtScalePosition(0.5, METRICS.pm25) // ≈ 182
 */
export function valueAtScalePosition(t: number, spec: ScaleSpec): number {
  const [floor, max] = severityDomain(spec);
  const x = isStretched(spec) ? (Math.pow(1 + STRETCH, t) - 1) / STRETCH : t;
  return floor + x * (max - floor);
}

/** Fill colour of a physical cell for a reading of the metric. */
export function metricColour(value: number, spec: ScaleSpec & Pick<MetricSpec, 'higherIsWorse'>, alpha = 200): Rgba {
  const [r, g, b] = colourAt(SEVERITY_PALETTE, metricSeverity(value, spec));
  return [r, g, b, alpha];
}

/**
 * Position of an appeal count on the human scale, 0..1: ln(1 + count) / ln(1 + maxCount),
 * so a cell with a handful of appeals still shows beside one with hundreds.
 * @example countPosition(9, 99) // 0.5
 */
export function countPosition(count: number, maxCount: number): number {
  if (maxCount <= 0 || count <= 0) return 0;
  return Math.min(1, Math.log1p(count) / Math.log1p(maxCount));
}

/** Colour of a human cell with `count` appeals when the busiest cell has `maxCount`. */
export function countColour(count: number, maxCount: number, alpha = 255): Rgba {
  const [r, g, b] = colourAt(APPEALS_PALETTE, countPosition(count, maxCount));
  return [r, g, b, alpha];
}
