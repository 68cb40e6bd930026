import { describe, expect, it } from 'vitest';
import { METRIC_CODES, METRICS, isMetricCode, isValueInRange } from './metrics';

describe('metric catalogue', () => {
  it('describes every code with unit, range and both names', () => {
    for (const code of METRIC_CODES) {
      const spec = METRICS[code];
      expect(spec.code).toBe(code);
      expect(spec.min).toBeLessThan(spec.max);
      expect(spec.unit.length).toBeGreaterThan(0);
      expect(spec.nameZh.length).toBeGreaterThan(0);
      expect(spec.nameEn.length).toBeGreaterThan(0);
    }
  });

  it('knows its codes and nothing else', () => {
    expect(isMetricCode('pm25')).toBe(true);
    expect(isMetricCode('toString')).toBe(false);
    expect(isMetricCode('pm2.5')).toBe(false);
  });

  it('bounds values by the catalogue range and rejects non-finite numbers', () => {
    expect(isValueInRange('noise_db', 20)).toBe(true);
    expect(isValueInRange('noise_db', 140)).toBe(true);
    expect(isValueInRange('noise_db', 141)).toBe(false);
    expect(isValueInRange('streetlight_on', 1.5)).toBe(false);
    expect(isValueInRange('pm25', Number.NaN)).toBe(false);
    expect(isValueInRange('pm25', Number.POSITIVE_INFINITY)).toBe(false);
  });

  it('marks streetlights as the one metric where more is better', () => {
    const better = METRIC_CODES.filter((code) => !METRICS[code].higherIsWorse);
    expect(better).toEqual(['streetlight_on']);
  });
});
