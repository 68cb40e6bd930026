import { METRICS, type MetricCode } from '../catalogue/metrics';

/**
 * The smallest robust standard deviation an alert on a metric divides by:
 * 2 % of the metric's valid range (2.4 dB for noise, 40 µg/m³ for PM2.5).
 * Four weeks give a baseline of four values; when they happen to agree
 * (MAD ≈ 0) a sensor's ordinary jitter would otherwise read as z ≫ 3.
 * @example physicalScaleFloor('noise_db') // 2.4
 */
export function physicalScaleFloor(metric: MetricCode): number {
  const spec = METRICS[metric];
  return 0.02 * (spec.max - spec.min);
}

/**
 * The smallest standard deviation of an appeal count with `expected`
 * appeals: √max(expected, 1), the Poisson standard deviation (counts of
 * independent events vary at least that much), so a quiet cell's median of
 * 0 with MAD 0 does not make every appeal infinitely abnormal.
 * @example countScaleFloor(4) // 2
 */
export function countScaleFloor(expected: number): number {
  return Math.sqrt(Math.max(expected, 1));
}
