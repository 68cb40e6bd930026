import { describe, expect, it } from 'vitest';
import { parseCellSeries } from './cell-series';

describe('parseCellSeries', () => {
  it('puts both signals on one time axis with the median ± 3 robust SD band', () => {
    const series = parseCellSeries({
      steps: ['2026-06-01T00:00:00Z', '2026-06-01T01:00:00Z'],
      physical: { values: [60, null], baseline: { median: [55, 56], mad: [1, 2] } },
      human: { values: [3, 5] },
    });
    expect(series.times).toEqual([Date.parse('2026-06-01T00:00:00Z') / 1000, Date.parse('2026-06-01T01:00:00Z') / 1000]);
    expect(series.physical?.values).toEqual([60, null]);
    // 55 + 3 · 1.4826 · 1 = 59.4478; 56 - 3 · 1.4826 · 2 = 47.1044
    expect(series.physical?.high?.[0]).toBeCloseTo(59.4478, 10);
    expect(series.physical?.low?.[1]).toBeCloseTo(47.1044, 10);
    expect(series.human).toEqual({ values: [3, 5], low: null, high: null });
  });

  it('takes ready bounds when the api gives them, and nothing from an empty answer', () => {
    expect(parseCellSeries({ steps: ['2026-06-01T00:00:00Z'], human: { values: [1], baseline: { low: [0], high: [4] } } }).human).toEqual({ values: [1], low: [0], high: [4] });
    expect(parseCellSeries(null)).toEqual({ times: [], physical: null, human: null });
  });
});
