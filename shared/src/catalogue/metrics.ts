/** How a metric is read by its sensors. */
/** The kinds of sensor the catalogue's metrics come from (the fleet's `kind`). */
export const SENSOR_KINDS = ['air', 'noise', 'water', 'traffic', 'streetlight', 'weather'] as const;
export type SensorKind = (typeof SENSOR_KINDS)[number];

/** Whether a stored sensor kind is one of the catalogue's. */
export function isSensorKind(kind: string): kind is SensorKind {
  return (SENSOR_KINDS as readonly string[]).includes(kind);
}

/** One entry of the metric catalogue. */
export interface MetricSpec {
  code: MetricCode;
  unit: string;
  /** Smallest value a working sensor can report (inclusive). */
  min: number;
  /** Largest value a working sensor can report (inclusive). */
  max: number;
  nameZh: string;
  nameEn: string;
  /** True when a larger value means a worse situation for residents. */
  higherIsWorse: boolean;
  kind: SensorKind;
}

export const METRIC_CODES = [
  'pm25',
  'pm10',
  'no2',
  'o3',
  'noise_db',
  'water_level_cm',
  'traffic_flow',
  'streetlight_on',
  'temperature_c',
] as const;

export type MetricCode = (typeof METRIC_CODES)[number];

// Ranges are the physical limits of common sensors, not "healthy" ranges:
// PM up to 2000 µg/m³ covers the worst recorded Beijing episodes (~1000),
// noise 20-140 dB(A) spans a quiet room to a jet engine at 30 m.
const SPECS: readonly MetricSpec[] = [
  { code: 'pm25', unit: 'µg/m³', min: 0, max: 2000, nameZh: '细颗粒物 PM2.5', nameEn: 'PM2.5', higherIsWorse: true, kind: 'air' },
  { code: 'pm10', unit: 'µg/m³', min: 0, max: 3000, nameZh: '可吸入颗粒物 PM10', nameEn: 'PM10', higherIsWorse: true, kind: 'air' },
  { code: 'no2', unit: 'µg/m³', min: 0, max: 1000, nameZh: '二氧化氮', nameEn: 'Nitrogen dioxide', higherIsWorse: true, kind: 'air' },
  { code: 'o3', unit: 'µg/m³', min: 0, max: 1200, nameZh: '臭氧', nameEn: 'Ozone', higherIsWorse: true, kind: 'air' },
  { code: 'noise_db', unit: 'dB(A)', min: 20, max: 140, nameZh: '噪声', nameEn: 'Noise level', higherIsWorse: true, kind: 'noise' },
  { code: 'water_level_cm', unit: 'cm', min: -100, max: 1000, nameZh: '积水深度', nameEn: 'Water level', higherIsWorse: true, kind: 'water' },
  { code: 'traffic_flow', unit: 'vehicles/h', min: 0, max: 20000, nameZh: '车流量', nameEn: 'Traffic flow', higherIsWorse: true, kind: 'traffic' },
  { code: 'streetlight_on', unit: 'fraction on', min: 0, max: 1, nameZh: '路灯亮灯率', nameEn: 'Streetlights on', higherIsWorse: false, kind: 'streetlight' },
  { code: 'temperature_c', unit: '°C', min: -50, max: 60, nameZh: '气温', nameEn: 'Temperature', higherIsWorse: true, kind: 'weather' },
];

/** The metric catalogue, by code. */
export const METRICS: Readonly<Record<MetricCode, MetricSpec>> = Object.fromEntries(
  SPECS.map((spec) => [spec.code, spec]),
) as Record<MetricCode, MetricSpec>;

/** True when `code` names a catalogue metric. */
export function isMetricCode(code: string): code is MetricCode {
  return Object.hasOwn(METRICS, code);
}

/** True when `value` is finite and inside the metric's valid range. */
export function isValueInRange(code: MetricCode, value: number): boolean {
  const spec = METRICS[code];
  return Number.isFinite(value) && value >= spec.min && value <= spec.max;
}
