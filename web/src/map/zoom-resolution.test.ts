import { describe, expect, it } from 'vitest';
import { resolutionForZoom } from './zoom-resolution';

describe('resolutionForZoom', () => {
  it('steps from res 6 to res 9 as the map zooms in', () => {
    expect(resolutionForZoom(5, 9)).toBe(6);
    expect(resolutionForZoom(9.49, 9)).toBe(6);
    expect(resolutionForZoom(9.5, 9)).toBe(7);
    expect(resolutionForZoom(10.99, 9)).toBe(7);
    expect(resolutionForZoom(11, 9)).toBe(8);
    expect(resolutionForZoom(12.49, 9)).toBe(8);
    expect(resolutionForZoom(12.5, 9)).toBe(9);
    expect(resolutionForZoom(18, 9)).toBe(9);
  });

  it('gives the start views of both cities hexagons a few dozen pixels wide', () => {
    expect(resolutionForZoom(10.5, 9)).toBe(7);
    expect(resolutionForZoom(11, 9)).toBe(8);
  });

  it('never asks for a resolution finer than the stored base resolution', () => {
    expect(resolutionForZoom(15, 8)).toBe(8);
    expect(resolutionForZoom(10, 6)).toBe(6);
  });

  it('never asks for a resolution coarser than the api serves', () => {
    expect(resolutionForZoom(3, 4)).toBe(5);
  });
});
