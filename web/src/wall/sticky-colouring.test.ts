import { describe, expect, it } from 'vitest';
import { METRICS } from '@citytwin/shared';
import { physicalColouring } from '../layers/physical-colour';
import { stickyColouring } from './sticky-colouring';

const spread = (low: number, high: number) => Float64Array.from({ length: 101 }, (_, i) => low + ((high - low) * i) / 100);

describe('stickyColouring', () => {
  it('keeps the colours while the domain moves a little, so a delta does not shift every cell\'s colour', () => {
    const first = physicalColouring('data', METRICS.noise_db, spread(40, 80), new Map());
    const nudged = physicalColouring('data', METRICS.noise_db, spread(41, 81), new Map());
    expect(nudged.key).not.toBe(first.key);
    expect(stickyColouring(first, nudged)).toBe(first);
  });

  it('takes the new colours once the domain has moved far, or there were none', () => {
    const first = physicalColouring('data', METRICS.noise_db, spread(40, 80), new Map());
    const moved = physicalColouring('data', METRICS.noise_db, spread(55, 95), new Map());
    expect(stickyColouring(first, moved)).toBe(moved);
    expect(stickyColouring(undefined, first)).toBe(first);
  });
});
