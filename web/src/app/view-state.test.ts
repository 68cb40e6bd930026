import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseViewState, serializeViewState, type ViewState } from './view-state';

describe('URL view state', () => {
  it('opens the split view of the last 24 h by default, with an empty query string', () => {
    expect(parseViewState('')).toEqual(DEFAULT_VIEW);
    expect(serializeViewState(DEFAULT_VIEW)).toBe('');
  });

  it('reads every field of the issue list', () => {
    const view = parseViewState(
      '?mode=fusion&metric=pm25&category=air&from=2026-05-01T00:00:00Z&to=2026-05-02T00:00:00Z&lng=116.4&lat=39.9&zoom=11.5&lang=zh&cell=8831AA5555FFFFF&conf=99&panel=rankings',
    );
    expect(view).toMatchObject({
      mode: 'fusion', metric: 'pm25', category: 'air', from: '2026-05-01T00:00:00Z', to: '2026-05-02T00:00:00Z', centre: [116.4, 39.9], zoom: 11.5,
      lang: 'zh', cell: '8831aa5555fffff', conf: 99, panel: 'rankings',
    });
  });

  it('writes a view that reads back the same, field by field', () => {
    const view: ViewState = {
      mode: 'overlay', metric: 'water_level_cm', category: 'flooding', from: 'now-7d', to: 'now', centre: [-73.99, 40.73], zoom: 12.25, lang: 'en',
      cell: '882a100d25fffff', conf: 90, panel: 'alerts', showPhysical: true, showHuman: false, scale: 'z', step: '1d', cumulative: true,
    };
    const query = serializeViewState(view);
    expect(parseViewState(query)).toEqual(view);
    expect(query).toContain('mode=overlay');
    expect(query).toContain('layers=physical');
    expect(query).not.toContain('to=');
  });

  it('rounds the map position so the link stays short', () => {
    expect(serializeViewState({ ...DEFAULT_VIEW, centre: [116.123456789, 39.987654321], zoom: 10.56789 })).toBe('?lng=116.123457&lat=39.987654&zoom=10.57');
  });

  it.each([
    ['mode=globe', 'mode', 'split'],
    ['metric=radon', 'metric', 'noise_db'],
    ['from=yesterday', 'from', 'now-24h'],
    ['to=2026-13-45T00:00:00Z', 'to', 'now'],
    ['conf=80', 'conf', 95],
    ['lang=fr', 'lang', undefined],
    ['cell=zz', 'cell', undefined],
    ['panel=admin', 'panel', undefined],
    ['zoom=99', 'zoom', undefined],
    ['lng=200&lat=10', 'centre', undefined],
    ['step=2h', 'step', '1h'],
    ['scale=log', 'scale', 'data'],
  ] as const)('falls back to the default on %s', (query, field, expected) => {
    expect(parseViewState(`?${query}`)[field]).toEqual(expected);
  });

  it('keeps the old layers= toggles, including none', () => {
    expect(parseViewState('?layers=human')).toMatchObject({ showPhysical: false, showHuman: true });
    const none = parseViewState('?layers=');
    expect(none.showPhysical || none.showHuman).toBe(false);
    expect(parseViewState(serializeViewState(none))).toEqual(none);
  });
});
