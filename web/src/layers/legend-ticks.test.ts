import { describe, expect, it } from 'vitest';
import { METRICS } from '@citytwin/shared';
import { countTicks, formatReading, severityTicks } from './legend-ticks';

describe('severityTicks', () => {
  it('labels the ends with the catalogue range and the middle with the stretched value', () => {
    expect(severityTicks(METRICS.pm25, 3)).toEqual([
      { position: 0, label: '0' },
      { position: 0.5, label: '182' },
      { position: 1, label: '2000' },
    ]);
  });

  it('spaces decibel ticks evenly (a linear scale)', () => {
    expect(severityTicks(METRICS.noise_db).map((tick) => tick.label)).toEqual(['20', '50', '80', '110', '140']);
  });

  it('puts the best value on the left when a higher value is better', () => {
    const labels = severityTicks(METRICS.streetlight_on, 2).map((tick) => tick.label);
    expect(labels).toEqual(['1', '0']);
  });
});

describe('countTicks', () => {
  it('spreads counts on a log axis', () => {
    expect(countTicks(99).map((tick) => tick.label)).toEqual(['0', '9', '99']);
  });

  it('drops repeated labels on a nearly empty layer', () => {
    expect(countTicks(1).map((tick) => tick.label)).toEqual(['0', '1']);
    expect(countTicks(0)).toEqual([{ position: 0, label: '0' }]);
  });
});

describe('formatReading', () => {
  it('keeps one decimal for small readings only', () => {
    expect(formatReading(0.25)).toBe('0.3');
    expect(formatReading(3)).toBe('3');
    expect(formatReading(42.4)).toBe('42');
  });
});
