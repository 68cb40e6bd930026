import { describe, expect, it } from 'vitest';
import { METRICS } from '@citytwin/shared';
import { physicalColouring } from './physical-colour';
import { SEVERITY_PALETTE } from './palette';
import { metricColour } from './colour-scale';

const CELLS = [50, 52, 55, 60, 140].map((value, index) => ({ h3: `c${index}`, value, count: 1 }));

describe('physicalColouring', () => {
  it('spreads the palette over the robust domain, so everyday noise is not one colour', () => {
    const colouring = physicalColouring('data', METRICS.noise_db, CELLS.map((cell) => cell.value), new Map());
    expect(colouring.colour(CELLS[0]!).slice(0, 3)).toEqual([...SEVERITY_PALETTE[0]!]);
    expect(colouring.colour(CELLS[4]!).slice(0, 3)).toEqual([...SEVERITY_PALETTE[4]!]);
    expect(colouring.colour(CELLS[1]!)).not.toEqual(colouring.colour(CELLS[3]!));
    expect(colouring.ticks.map((tick) => tick.label)).toEqual(['50', '71', '92', '113', '134']);
    expect(colouring.unit).toBe('dB(A)');
  });

  it('labels a narrow domain with decimals, so no two ticks read the same', () => {
    const quiet = [56, 57, 58, 59, 60].map((value, index) => ({ h3: `q${index}`, value, count: 1 }));
    const labels = physicalColouring('data', METRICS.noise_db, quiet.map((cell) => cell.value), new Map()).ticks.map((tick) => tick.label);
    expect(new Set(labels).size).toBe(5);
    expect(labels[0]).toBe('56.1');
  });

  it('keeps the catalogue scale when fixed', () => {
    const colouring = physicalColouring('fixed', METRICS.pm25, CELLS.map((cell) => cell.value), new Map());
    expect(colouring.colour(CELLS[2]!)).toEqual(metricColour(55, METRICS.pm25, 210));
    expect(colouring.ticks[0]!.label).toBe('0');
    expect(colouring.ticks.at(-1)!.label).toBe('2000');
  });

  it('flips the data scale when a lower value is worse', () => {
    const lamps = [0.2, 0.5, 0.9].map((value, index) => ({ h3: `l${index}`, value, count: 1 }));
    const colouring = physicalColouring('data', METRICS.streetlight_on, lamps.map((cell) => cell.value), new Map());
    expect(colouring.colour(lamps[0]!).slice(0, 3)).toEqual([...SEVERITY_PALETTE[4]!]);
  });

  it('paints Gi* z from the fusion answer on the diverging scale, 0 when unknown', () => {
    const colouring = physicalColouring('z', METRICS.noise_db, CELLS.map((cell) => cell.value), new Map([['c0', 3.29]]));
    expect(colouring.colour(CELLS[0]!).slice(0, 3)).toEqual([178, 24, 43]);
    expect(colouring.colour(CELLS[1]!).slice(0, 3)).toEqual([140, 140, 150]);
    expect(colouring.unit).toBe('Gi* z');
  });
});
