import { describe, expect, it } from 'vitest';
import { classifyHotspot, meetsConfidence, significanceCutoffs } from './hotspot-classes';

describe('significanceCutoffs', () => {
  it('uses alpha itself without FDR', () => {
    expect(significanceCutoffs([0.5], false)).toEqual({ 99: 0.01, 95: 0.05, 90: 0.1 });
  });

  it('uses the Benjamini-Hochberg cut-off of each alpha with FDR', () => {
    const p = [0.041, 0.001, 0.216, 0.039, 0.059, 0.008, 0.042, 0.205, 0.074, 0.212];
    expect(significanceCutoffs(p, true)).toEqual({ 99: 0.001, 95: 0.008, 90: 0.059 });
  });
});

describe('classifyHotspot', () => {
  const cutoffs = { 99: 0.001, 95: 0.008, 90: 0.059 };

  it.each([
    [3.3, 0.001, 'hot', 99],
    [2.65, 0.008, 'hot', 95],
    [-2.06, 0.039, 'cold', 90],
    [1.9, 0.06, 'none', null],
    [0, 0.0001, 'none', null],
  ] as const)('z %s, p %s -> %s at %s', (z, p, expectedClass, confidence) => {
    expect(classifyHotspot(z, p, cutoffs)).toEqual({ class: expectedClass, confidence });
  });

  it('compares confidences', () => {
    expect(meetsConfidence({ class: 'hot', confidence: 99 }, 95)).toBe(true);
    expect(meetsConfidence({ class: 'hot', confidence: 90 }, 95)).toBe(false);
    expect(meetsConfidence({ class: 'none', confidence: null }, 90)).toBe(false);
  });
});
