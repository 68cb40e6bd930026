import { METRICS, type MetricCode, type SensorKind } from '@citytwin/shared';
import type { Area } from '../geo/area';
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

/** What each kind of sensor measures. */
export const METRICS_BY_KIND: Readonly<Record<SensorKind, MetricCode[]>> = {
  air: ['pm25', 'pm10', 'no2', 'o3'],
  noise: ['noise_db'],
  traffic: ['traffic_flow'],
  streetlight: ['streetlight_on'],
  water: ['water_level_cm'],
  weather: ['temperature_c'],
};

/** A kind drawn with the weights of a typical city fleet. */
export function pickKind(random: SeededRandom): SensorKind {
  let draw = random.next();
  for (const [kind, weight] of KIND_WEIGHTS) {
    draw -= weight;
    if (draw < 0) return kind;
  }
  return 'air';
}

/** Keeps a simulated value inside the catalogue range of its metric. */
export function clampToMetric(metric: MetricCode, value: number): number {
  const { min, max } = METRICS[metric];
  return Math.min(max, Math.max(min, value));
}

/** A uniform random point inside `area` (rejection sampling from its bbox). */
export function randomPointIn(area: Area, random: SeededRandom): { lat: number; lng: number } {
  const [west, south, east, north] = area.bbox;
  for (let attempt = 0; attempt < 10_000; attempt += 1) {
    const lng = random.between(west, east);
    const lat = random.between(south, north);
    if (area.contains(lng, lat)) return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) };
  }
  throw new RangeError('the area is too thin to place a point in');
}

/**
 * Places `count` sensors uniformly inside `area`, kinds drawn from the city mix
 * unless `kind` is given. Deterministic for a seed.
 */
export function layOutFleetInArea(count: number, area: Area, random: SeededRandom, idPrefix = 'sim', kind?: SensorKind): SimulatedSensor[] {
  return Array.from({ length: count }, (_, index) => {
    const sensorKind = kind ?? pickKind(random);
    return { id: `${idPrefix}-${sensorKind}-${String(index).padStart(5, '0')}`, kind: sensorKind, ...randomPointIn(area, random), metrics: [...METRICS_BY_KIND[sensorKind]] };
  });
}
