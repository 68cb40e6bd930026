import { describe, expect, it } from 'vitest';
import { parseCellSeries } from './cell-series';

describe('parseCellSeries', () => {
  it('puts both signals on one time axis with their baseline bands', () => {
    const series = parseCellSeries({
      h3: '8831aa5555fffff', metric: 'noise_db', step: 'hour',
      points: [
        { at: '2026-06-01T00:00:00Z', value: 60, readings: 4, appeals: 3, valueBaseline: { median: 55, mad: 1, low: 50.5522, high: 59.4478 }, appealsBaseline: { median: 1, mad: 1, low: 0, high: 5.4478 } },
        { at: '2026-06-01T01:00:00Z', value: null, readings: 0, appeals: 5, valueBaseline: null, appealsBaseline: null },
      ],
    });
    expect(series.times).toEqual([Date.parse('2026-06-01T00:00:00Z') / 1000, Date.parse('2026-06-01T01:00:00Z') / 1000]);
    expect(series.physical).toEqual({ values: [60, null], low: [50.5522, null], high: [59.4478, null] });
    expect(series.human).toEqual({ values: [3, 5], low: [0, null], high: [5.4478, null] });
  });

  it('has no appeal signal where the api withheld it, and nothing from an empty answer', () => {
    const series = parseCellSeries({ metric: 'pm25', points: [{ at: '2026-06-01T00:00:00Z', value: 40, appeals: null, appealsBaseline: null }] });
    expect(series.human).toBeNull();
    expect(series.physical?.values).toEqual([40]);
    expect(parseCellSeries(null)).toEqual({ times: [], physical: null, human: null });
  });
});
