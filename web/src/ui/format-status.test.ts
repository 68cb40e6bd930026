import { describe, expect, it } from 'vitest';
import { EMPTY_LAYER, INITIAL_LIVE_CELLS, type LiveCells } from '../live/refresh-layers';
import { describeStatus, formatClock } from './format-status';

describe('formatClock', () => {
  it('shows the time in the city time zone', () => {
    expect(formatClock(Date.UTC(2026, 0, 1, 4, 5, 6), 'Asia/Shanghai')).toBe('12:05:06');
    expect(formatClock(Date.UTC(2026, 0, 1, 4, 5, 6), 'America/New_York')).toBe('23:05:06');
  });
});

describe('describeStatus', () => {
  it('says what is loading before the first answer', () => {
    const status = describeStatus(undefined, INITIAL_LIVE_CELLS, 'UTC');
    expect(status.text).toBe('store … · not updated yet · sensors: loading · appeals: loading');
    expect(status.error).toBeUndefined();
  });

  it('counts cells per layer and shows the latest error', () => {
    const live: LiveCells = {
      physical: { ...EMPTY_LAYER, loaded: true, res: 8, cells: [{ h3: 'a', value: 1, count: 1 }] },
      human: { ...EMPTY_LAYER, loaded: true, res: 8, cells: [], suppressedBelow: 3, error: 'HTTP 500' },
      lastRefreshMs: Date.UTC(2026, 0, 1, 0, 0, 0),
    };
    const status = describeStatus({ status: 'degraded', store: 'pglite', broker: 'embedded' }, live, 'UTC');
    expect(status.text).toBe('store pglite (degraded) · updated 00:00:00 · sensors: 1 cell (res 8) · appeals: 0 cells (res 8, cells with <3 appeals hidden)');
    expect(status.error).toBe('HTTP 500');
  });
});

describe('describeStatus in fusion mode', () => {
  it('counts the fused cells once they arrived instead of saying the unused layers are loading (regression: "loading" stayed after the fusion map drew)', () => {
    const fusion = { loaded: true, cells: 12, res: 7, fetchedAtMs: Date.UTC(2026, 0, 1, 1, 2, 3), error: undefined };
    const status = describeStatus({ status: 'ok', store: 'pglite', broker: 'embedded' }, INITIAL_LIVE_CELLS, 'UTC', 'en', fusion);
    expect(status.text).toBe('store pglite · updated 01:02:03 · fused classes: 12 cells (res 7)');
    expect(status.text).not.toContain('loading');
  });

  it('says the fused cells are loading before their answer', () => {
    const fusion = { loaded: false, cells: 0, res: undefined, fetchedAtMs: undefined, error: undefined };
    expect(describeStatus(undefined, INITIAL_LIVE_CELLS, 'UTC', 'zh', fusion).text).toBe('存储 … · 尚未更新 · 融合分类：加载中');
  });
});

describe('describeStatus in Chinese', () => {
  it('has no English word left', () => {
    const status = describeStatus({ status: 'ok', store: 'pglite', broker: 'embedded' }, INITIAL_LIVE_CELLS, 'UTC', 'zh');
    expect(status.text).toBe('存储 pglite · 尚未更新 · 传感器：加载中 · 诉求：加载中');
  });
});
