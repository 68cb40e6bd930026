import { describe, expect, it } from 'vitest';
import { APPEALS_PALETTE, SEVERITY_PALETTE, colourAt, cssGradient } from './palette';

describe('colourAt', () => {
  it('returns the end stops at 0 and 1', () => {
    expect(colourAt(SEVERITY_PALETTE, 0)).toEqual([26, 152, 80]);
    expect(colourAt(SEVERITY_PALETTE, 1)).toEqual([215, 48, 39]);
  });

  it('interpolates linearly between neighbouring stops', () => {
    // Halfway between stop 0 and stop 1 of a 5-stop palette is t = 0.125.
    expect(colourAt(SEVERITY_PALETTE, 0.125)).toEqual([86, 180, 88]);
    expect(colourAt(SEVERITY_PALETTE, 0.5)).toEqual([254, 224, 139]);
  });

  it('clamps out-of-range and non-finite positions', () => {
    expect(colourAt(APPEALS_PALETTE, -3)).toEqual(APPEALS_PALETTE[0]);
    expect(colourAt(APPEALS_PALETTE, 7)).toEqual(APPEALS_PALETTE[3]);
    expect(colourAt(APPEALS_PALETTE, Number.NaN)).toEqual(APPEALS_PALETTE[0]);
  });
});

describe('cssGradient', () => {
  it('lists every stop with its percentage', () => {
    expect(cssGradient([[0, 0, 0], [255, 255, 255]])).toBe('linear-gradient(to right, rgb(0, 0, 0) 0%, rgb(255, 255, 255) 100%)');
  });
});
