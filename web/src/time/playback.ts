import type { TimeWindow } from './time-range';

/** Playback steps: five minutes (the rollups' finest grain), an hour, a day. */
export const PLAYBACK_STEPS = ['5m', '1h', '1d'] as const;
export type PlaybackStep = (typeof PLAYBACK_STEPS)[number];

const STEP_MS: Readonly<Record<PlaybackStep, number>> = { '5m': 300_000, '1h': 3_600_000, '1d': 86_400_000 };
/** Playback never cuts a window into more frames than this (30 days at 5 minutes would be 8,640). */
export const MAX_FRAMES = 2_000;

export function isPlaybackStep(text: string | null): text is PlaybackStep {
  return PLAYBACK_STEPS.some((step) => step === text);
}

export function stepMs(step: PlaybackStep): number {
  return STEP_MS[step];
}

/**
 * Frame boundaries of a window: the window's start floored to the step (UTC,
 * so 5-minute and hourly frames meet the api's rollup edges) and one frame per
 * step up to the window's end. Capped at MAX_FRAMES.
 * @example frameCount({ fromMs: 0, toMs: 7_200_000 }, '1h') // 2
 */
export function frameCount(window: TimeWindow, step: PlaybackStep): number {
  const size = STEP_MS[step];
  const start = Math.floor(window.fromMs / size) * size;
  return Math.max(1, Math.min(MAX_FRAMES, Math.ceil((window.toMs - start) / size)));
}

/**
 * The time frame `index` shows: one step, `[start + i·step, start + (i+1)·step)`,
 * or with `cumulative` everything from the window's start to that frame's end.
 * The last frame ends at the window's end.
 * @example frameWindow({ fromMs: 0, toMs: 7_200_000 }, '1h', 1, false) // { fromMs: 3_600_000, toMs: 7_200_000 }
 */
export function frameWindow(window: TimeWindow, step: PlaybackStep, index: number, cumulative: boolean): TimeWindow {
  const size = STEP_MS[step];
  const start = Math.floor(window.fromMs / size) * size;
  const last = frameCount(window, step) - 1;
  const i = Math.max(0, Math.min(last, index));
  const toMs = i === last ? window.toMs : start + (i + 1) * size;
  const fromMs = cumulative ? window.fromMs : Math.max(window.fromMs, start + i * size);
  return { fromMs, toMs };
}

/**
 * The frame after `index`; past the last frame playback starts over, so a
 * wall or a meeting can leave it running.
 * @example nextFrame(2, 3) // 0
 */
export function nextFrame(index: number, count: number): number {
  return index + 1 >= count ? 0 : index + 1;
}

/** Playback speeds in frames per second. */
export const PLAYBACK_SPEEDS = [0.5, 1, 2, 4] as const;

/** Milliseconds a frame stays on screen at `framesPerSecond`. */
export function frameDelayMs(framesPerSecond: number): number {
  return 1000 / framesPerSecond;
}
