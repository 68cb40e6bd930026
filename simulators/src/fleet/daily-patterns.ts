import type { MetricCode } from '@citytwin/shared';

/**
 * Typical value of a metric at a local hour of day (0..24, fractional), before
 * noise. Shapes follow common urban profiles: traffic peaks at 8 and 18 h,
 * noise drops at night, PM2.5 rises in the evening, temperature peaks at 15 h.
 */
export function typicalValue(metric: MetricCode, localHour: number): number {
  const rush = (peak: number) => Math.exp(-(((localHour - peak) / 1.5) ** 2));
  const day = Math.sin(((localHour - 9) / 24) * 2 * Math.PI);
  switch (metric) {
    case 'traffic_flow':
      return 300 + 1500 * rush(8) + 1300 * rush(18) + (localHour > 6 && localHour < 22 ? 500 : 0);
    case 'noise_db':
      return localHour >= 23 || localHour < 6 ? 42 : 58 + 6 * rush(8) + 6 * rush(18);
    case 'pm25':
      return 45 + 20 * Math.cos(((localHour - 21) / 24) * 2 * Math.PI);
    case 'pm10':
      return 80 + 30 * Math.cos(((localHour - 21) / 24) * 2 * Math.PI);
    case 'no2':
      return 35 + 15 * rush(8) + 15 * rush(19);
    case 'o3':
      return 40 + 50 * Math.max(0, day);
    case 'water_level_cm':
      return 2;
    case 'streetlight_on':
      return localHour >= 18.5 || localHour < 6 ? 1 : 0;
    case 'temperature_c':
      return 14 + 6 * Math.sin(((localHour - 9) / 24) * 2 * Math.PI);
  }
}
