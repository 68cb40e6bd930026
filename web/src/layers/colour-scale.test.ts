import { describe, expect, it } from 'vitest';
import { METRICS } from '@citytwin/shared';
import { countColour, countPosition, metricColour, metricSeverity, valueAtScalePosition } from './colour-scale';
import { APPEALS_PALETTE, SEVERITY_PALETTE } from './palette';

describe('metricSeverity', () => {
  it('maps the ends of the catalogue range to 0 and 1 when higher is worse', () => {
    expect(metricSeverity(0, METRICS.pm25)).toBe(0);
    expect(metricSeverity(2000, METRICS.pm25)).toBe(1);
    expect(metricSeverity(20, METRICS.noise_db)).toBe(0);
  });

  it('stretches everyday readings away from the bottom of a wide range', () => {
    // 45 µg/m³ is 2.25 % of 0..2000; ln(1 + 99 * 0.0225) / ln(100) = 0.2544.
    expect(metricSeverity(45, METRICS.pm25)).toBeCloseTo(0.2544, 3);
    expect(metricSeverity(150, METRICS.pm25)).toBeGreaterThan(metricSeverity(45, METRICS.pm25));
  });

  it('reads decibels and temperatures on a linear scale over the whole range', () => {
    expect(metricSeverity(80, METRICS.noise_db)).toBeCloseTo(0.5, 10);
    expect(metricSeverity(-50, METRICS.temperature_c)).toBe(0);
    expect(metricSeverity(5, METRICS.temperature_c)).toBeCloseTo(0.5, 10);
  });

  it('flips the direction when a higher value is better', () => {
    expect(metricSeverity(1, METRICS.streetlight_on)).toBe(0);
    expect(metricSeverity(0, METRICS.streetlight_on)).toBe(1);
  });

  it('treats water below the kerb as no water', () => {
    expect(metricSeverity(-50, METRICS.water_level_cm)).toBe(0);
    expect(metricSeverity(0, METRICS.water_level_cm)).toBe(0);
  });

  it('clamps readings outside the range', () => {
    expect(metricSeverity(5000, METRICS.pm25)).toBe(1);
    expect(metricSeverity(-10, METRICS.pm25)).toBe(0);
  });
});

describe('valueAtScalePosition', () => {
  it('inverts the stretch', () => {
    for (const value of [0, 12, 45, 300, 2000]) {
      expect(valueAtScalePosition(metricSeverity(value, METRICS.pm25), METRICS.pm25)).toBeCloseTo(value, 6);
    }
    expect(valueAtScalePosition(0, METRICS.noise_db)).toBe(20);
    expect(valueAtScalePosition(0.25, METRICS.noise_db)).toBe(50);
    expect(valueAtScalePosition(0.5, METRICS.streetlight_on)).toBe(0.5);
  });
});

describe('metricColour', () => {
  it('uses the severity palette with the given alpha', () => {
    expect(metricColour(0, METRICS.pm25, 180)).toEqual([...SEVERITY_PALETTE[0]!, 180]);
    expect(metricColour(2000, METRICS.pm25)).toEqual([...SEVERITY_PALETTE[4]!, 200]);
  });
});

describe('countPosition and countColour', () => {
  it('puts the busiest cell at the top of the scale on a log axis', () => {
    expect(countPosition(99, 99)).toBe(1);
    expect(countPosition(9, 99)).toBeCloseTo(0.5, 10);
    expect(countPosition(0, 99)).toBe(0);
  });

  it('copes with an empty layer', () => {
    expect(countPosition(3, 0)).toBe(0);
    expect(countColour(3, 0)).toEqual([...APPEALS_PALETTE[0]!, 255]);
  });
});
