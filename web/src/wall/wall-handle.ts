import type { WallScene } from './wall-options';

/** One ticker line as the page handle shows it. */
export interface WallTickerEntry {
  kind: 'alert' | 'overdue';
  id: string;
  /** ISO time the item is dated by. */
  at: string;
  /** The text on the wall. */
  label: string;
  /** Alerts: the alert's cell, when known. */
  h3?: string;
}

/** `window.__citytwin.wall`: what the wall shows, for tests, benchmarks and operators' scripts. */
export interface WallHandle {
  scene: WallScene;
  stale: boolean;
  /** ISO time of the last message before the channel went stale; null while fresh. */
  staleSince: string | null;
  /** ISO server time of the newest data shown; null before the first message. */
  dataAsOf: string | null;
  tickerItems: WallTickerEntry[];
  /** Milliseconds from the newest change behind the last delta to its being drawn; null before the first delta. */
  liveLagMs: number | null;
  /** Live-channel connections opened after the first. */
  reconnects: number;
}

// The wall adds its own part to the page handle.
declare module '../app/citytwin-handle' {
  interface CityTwinHandle {
    wall?: WallHandle;
  }
}
