import { METRICS, type MetricCode } from '@citytwin/shared';
import type { SeededRandom } from '../random/seeded-random';
import type { LocalClock } from '../time/local-clock';
import { clampToMetric, type SimulatedSensor } from './fleet-layout';
import { patternValue } from './metric-pattern';

/** Changes a simulated value (a scenario's physical effect); returns the new value. */
export type ValueEffect = (sensor: SimulatedSensor, metric: MetricCode, tsMs: number, value: number) => number;

/** Relative noise of each metric's readings around its pattern (sensor + micro-site). */
const NOISE_SHARE: Partial<Record<MetricCode, number>> = { traffic_flow: 0.15, pm25: 0.15, pm10: 0.15, no2: 0.15, o3: 0.15 };

/**
 * The values one sensor reads at `tsMs`: local-time pattern, plus Gaussian noise
 * (15% for pollutants and traffic, 2 dB for noise, 0.5 °C, 1 cm), then any
 * scenario effect, clamped to the catalogue range and rounded to 2 decimals.
 */
export function sampleValues(sensor: SimulatedSensor, tsMs: number, clock: LocalClock, random: SeededRandom, seed: number, effect?: ValueEffect): Partial<Record<MetricCode, number>> {
  const local = clock.at(tsMs);
  const values: Partial<Record<MetricCode, number>> = {};
  for (const metric of sensor.metrics) {
    const typical = patternValue(metric, local, seed);
    const share = NOISE_SHARE[metric];
    let value: number;
    if (metric === 'streetlight_on') value = typical;
    else if (share !== undefined) value = typical * (1 + share * random.gaussian());
    else value = typical + random.gaussian() * absoluteNoise(metric);
    if (effect) value = effect(sensor, metric, tsMs, value);
    values[metric] = Number(clampToMetric(metric, value).toFixed(2));
  }
  return values;
}

function absoluteNoise(metric: MetricCode): number {
  if (metric === 'noise_db') return 2;
  if (metric === 'temperature_c') return 0.5;
  if (metric === 'water_level_cm') return 1;
  return (METRICS[metric].max - METRICS[metric].min) * 0.01;
}
