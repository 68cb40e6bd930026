import { METRICS, type BBox, type MetricCode, type SensorKind } from '@citytwin/shared';
import type { SeededRandom } from '../random/seeded-random';

/** A simulated sensor: where it stands and what it measures. */
export interface SimulatedSensor {
  id: string;
  kind: SensorKind;
  lat: number;
  lng: number;
  metrics: MetricCode[];
}

/** Share of each kind in a city fleet (air and noise dominate real deployments). */
const KIND_WEIGHTS: ReadonlyArray<readonly [SensorKind, number]> = [
  ['air', 0.3],
  ['noise', 0.25],
  ['traffic', 0.15],
  ['streetlight', 0.15],
  ['water', 0.1],
  ['weather', 0.05],
];

const METRICS_BY_KIND: Record<SensorKind, MetricCode[]> = {
  air: ['pm25', 'pm10', 'no2', 'o3'],
  noise: ['noise_db'],
  traffic: ['traffic_flow'],
  streetlight: ['streetlight_on'],
  water: ['water_level_cm'],
  weather: ['temperature_c'],
};

function pickKind(random: SeededRandom): SensorKind {
  let draw = random.next();
  for (const [kind, weight] of KIND_WEIGHTS) {
    draw -= weight;
    if (draw < 0) return kind;
  }
  return 'air';
}

/** Places `count` sensors uniformly at random in `bounds`, deterministic for a seed. */
export function layOutFleet(count: number, bounds: BBox, random: SeededRandom, idPrefix = 'sim'): SimulatedSensor[] {
  const [west, south, east, north] = bounds;
  return Array.from({ length: count }, (_, index) => {
    const kind = pickKind(random);
    return {
      id: `${idPrefix}-${kind}-${String(index).padStart(5, '0')}`,
      kind,
      lat: Number(random.between(south, north).toFixed(6)),
      lng: Number(random.between(west, east).toFixed(6)),
      metrics: METRICS_BY_KIND[kind],
    };
  });
}

/** Keeps a simulated value inside the catalogue range of its metric. */
export function clampToMetric(metric: MetricCode, value: number): number {
  const { min, max } = METRICS[metric];
  return Math.min(max, Math.max(min, value));
}
