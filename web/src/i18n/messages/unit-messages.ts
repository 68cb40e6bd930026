import { defineMessages } from '../message-set';

/** Units of the metric catalogue (shared/src/catalogue/metrics.ts), by metric code. */
export const UNIT_MESSAGES = defineMessages({
  en: {
    'unit.pm25': 'µg/m³',
    'unit.pm10': 'µg/m³',
    'unit.no2': 'µg/m³',
    'unit.o3': 'µg/m³',
    'unit.noise_db': 'dB(A)',
    'unit.water_level_cm': 'cm',
    'unit.traffic_flow': 'vehicles/h',
    'unit.streetlight_on': 'fraction on',
    'unit.temperature_c': '°C',
  },
  zh: {
    'unit.pm25': '微克/立方米',
    'unit.pm10': '微克/立方米',
    'unit.no2': '微克/立方米',
    'unit.o3': '微克/立方米',
    'unit.noise_db': '分贝(A)',
    'unit.water_level_cm': '厘米',
    'unit.traffic_flow': '辆/小时',
    'unit.streetlight_on': '亮灯比例',
    'unit.temperature_c': '摄氏度',
  },
});
