import { describe, expect, it } from 'vitest';
import { DEFAULT_METRIC, parsePageOptions } from './page-options';

describe('parsePageOptions', () => {
  it('shows both layers of PM2.5 at the city view by default', () => {
    expect(parsePageOptions('')).toEqual({
      metric: DEFAULT_METRIC, category: undefined, showPhysical: true, showHuman: true, zoom: undefined, centre: undefined,
    });
  });

  it('reads metric, category, layers and view', () => {
    const options = parsePageOptions('?metric=noise_db&category=noise&layers=human&zoom=9.5&lng=116.4&lat=39.9');
    expect(options).toEqual({ metric: 'noise_db', category: 'noise', showPhysical: false, showHuman: true, zoom: 9.5, centre: [116.4, 39.9] });
  });

  it('falls back to defaults on invalid values', () => {
    const options = parsePageOptions('?metric=nope&zoom=abc&lng=200&lat=10&category=');
    expect(options.metric).toBe(DEFAULT_METRIC);
    expect(options.zoom).toBeUndefined();
    expect(options.centre).toBeUndefined();
    expect(options.category).toBeUndefined();
  });

  it('ignores a centre with only one coordinate', () => {
    expect(parsePageOptions('?lng=116.4').centre).toBeUndefined();
  });

  it('can hide both layers', () => {
    const options = parsePageOptions('?layers=');
    expect(options.showPhysical).toBe(false);
    expect(options.showHuman).toBe(false);
  });
});
