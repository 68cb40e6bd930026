import { describe, expect, it } from 'vitest';
import { buildCellsUrl } from './cells-url';

describe('buildCellsUrl', () => {
  it('asks for a metric on the physical layer', () => {
    expect(buildCellsUrl({ layer: 'physical', metric: 'noise_db', res: 8 })).toBe('/api/cells?layer=physical&res=8&metric=noise_db');
  });

  it('adds the appeal category on the human layer only when one is chosen', () => {
    expect(buildCellsUrl({ layer: 'human', res: 7, category: 'noise' })).toBe('/api/cells?layer=human&res=7&category=noise');
    expect(buildCellsUrl({ layer: 'human', res: 7 })).toBe('/api/cells?layer=human&res=7');
    expect(buildCellsUrl({ layer: 'human', res: 7, category: '' })).toBe('/api/cells?layer=human&res=7');
  });

  it('encodes a category code that needs escaping', () => {
    expect(buildCellsUrl({ layer: 'human', res: 8, category: 'a&b' })).toBe('/api/cells?layer=human&res=8&category=a%26b');
  });

  it('adds the time window when one is given', () => {
    expect(buildCellsUrl({ layer: 'human', res: 8, from: '2026-06-01T00:00:00.000Z', to: '2026-06-02T00:00:00.000Z' })).toBe(
      '/api/cells?layer=human&res=8&from=2026-06-01T00%3A00%3A00.000Z&to=2026-06-02T00%3A00%3A00.000Z',
    );
  });

  it('asks for the columnar form when told to', () => {
    expect(buildCellsUrl({ layer: 'physical', metric: 'pm25', res: 8, format: 'columnar' })).toBe('/api/cells?layer=physical&res=8&metric=pm25&format=columnar');
  });
});
