import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PlaybackStep } from './playback';
import { frameCount, frameWindow, nextFrame } from './playback';
import { isLiveWindow, resolveWindow, type TimeBound, type TimeWindow } from './time-range';

/** A window that ends now is re-read this often, so the map follows the clock. */
const LIVE_TICK_MS = 60_000;

export interface Timeline {
  /** The window the time bar chose. */
  window: TimeWindow;
  /** What maps and panels show: the window, or the playback frame. */
  shown: TimeWindow;
  playing: boolean;
  /** Index of the frame shown, or undefined when the whole window is shown. */
  frame: number | undefined;
  frames: number;
  speed: number;
  setPlaying(playing: boolean): void;
  setFrame(frame: number | undefined): void;
  setSpeed(speed: number): void;
  advance(): void;
}

/**
 * The end of the current minute: a live window's requests stay the same
 * within a minute and still take in what arrives during it.
 */
function toMinute(ms: number): number {
  return Math.ceil((ms + 1) / 60_000) * 60_000;
}

/** The time window of the view and its playback (frames, play/pause, speed). */
export function useTimeline(from: TimeBound, to: TimeBound, step: PlaybackStep, cumulative: boolean): Timeline {
  const [nowMs, setNowMs] = useState(() => toMinute(Date.now()));
  const [playing, setPlaying] = useState(false);
  const [frame, setFrame] = useState<number | undefined>(undefined);
  const [speed, setSpeed] = useState(1);
  const live = isLiveWindow(to) || isLiveWindow(from);

  useEffect(() => {
    if (!live || playing) return undefined;
    const timer = setInterval(() => setNowMs(toMinute(Date.now())), LIVE_TICK_MS);
    return () => clearInterval(timer);
  }, [live, playing]);

  const window = useMemo(() => resolveWindow(from, to, nowMs), [from, to, nowMs]);
  const frames = frameCount(window, step);
  useEffect(() => setFrame((current) => (current === undefined ? undefined : Math.min(current, frames - 1))), [frames]);
  const shown = useMemo(() => (frame === undefined ? window : frameWindow(window, step, frame, cumulative)), [window, step, frame, cumulative]);
  const advance = useCallback(() => setFrame((current) => nextFrame(current ?? -1, frames)), [frames]);
  const play = useCallback((next: boolean) => {
    setPlaying(next);
    if (next) setFrame((current) => current ?? 0);
  }, []);
  return { window, shown, playing, frame, frames, speed, setPlaying: play, setFrame, setSpeed, advance };
}
