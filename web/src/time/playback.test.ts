import { describe, expect, it } from 'vitest';
import { MAX_FRAMES, frameCount, frameDelayMs, frameWindow, nextFrame } from './playback';

const H = 3_600_000;
const T0 = Date.parse('2026-06-01T00:00:00Z');

describe('playback stepping', () => {
  it('cuts 24 h into 24 hourly, 288 five-minute and 1 daily frame', () => {
    const day = { fromMs: T0, toMs: T0 + 24 * H };
    expect(frameCount(day, '1h')).toBe(24);
    expect(frameCount(day, '5m')).toBe(288);
    expect(frameCount(day, '1d')).toBe(1);
  });

  it('starts frames on step edges and ends the last one at the window end', () => {
    const window = { fromMs: T0 + 20 * 60_000, toMs: T0 + 2 * H + 10 * 60_000 };
    expect(frameCount(window, '1h')).toBe(3);
    expect(frameWindow(window, '1h', 0, false)).toEqual({ fromMs: window.fromMs, toMs: T0 + H });
    expect(frameWindow(window, '1h', 1, false)).toEqual({ fromMs: T0 + H, toMs: T0 + 2 * H });
    expect(frameWindow(window, '1h', 2, false)).toEqual({ fromMs: T0 + 2 * H, toMs: window.toMs });
  });

  it('accumulates from the window start when cumulative', () => {
    const window = { fromMs: T0, toMs: T0 + 3 * H };
    expect(frameWindow(window, '1h', 0, true)).toEqual({ fromMs: T0, toMs: T0 + H });
    expect(frameWindow(window, '1h', 1, true)).toEqual({ fromMs: T0, toMs: T0 + 2 * H });
  });

  it('clamps an index outside the frames', () => {
    const window = { fromMs: T0, toMs: T0 + 3 * H };
    expect(frameWindow(window, '1h', 9, false)).toEqual({ fromMs: T0 + 2 * H, toMs: T0 + 3 * H });
    expect(frameWindow(window, '1h', -1, false)).toEqual({ fromMs: T0, toMs: T0 + H });
  });

  it('wraps to the first frame after the last', () => {
    expect(nextFrame(0, 3)).toBe(1);
    expect(nextFrame(2, 3)).toBe(0);
    expect(nextFrame(0, 1)).toBe(0);
  });

  it('caps 30 days of 5-minute frames', () => {
    expect(frameCount({ fromMs: T0, toMs: T0 + 30 * 24 * H }, '5m')).toBe(MAX_FRAMES);
  });

  it('shows a frame 500 ms at two frames a second', () => {
    expect(frameDelayMs(2)).toBe(500);
  });
});
