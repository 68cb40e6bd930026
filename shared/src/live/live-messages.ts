import type { CellValue, Layer, SensorStatus } from '../types';

/**
 * The messages of the live channel `GET /api/live` (a WebSocket), shared by
 * the API that sends them and the page that reads them. The full schema,
 * with examples, is in api/docs/live.md.
 */

/** What a client asks for; sending it again replaces the previous one. */
export interface LiveSubscription {
  type: 'subscribe';
  /** The layers to follow; at least one. */
  layers: Layer[];
  /** Metric of the physical layer (required when it is subscribed). */
  metric?: string;
  /** Appeal category of the human layer (first- or second-level code); all appeals when absent. */
  category?: string;
  /** H3 resolution of the cells, 5 up to the stored base resolution. */
  res: number;
  /** Only cells whose centre lies in `[west, south, east, north]` (degrees); the whole city when absent. */
  bbox?: [west: number, south: number, east: number, north: number];
}

/** Every cell of one subscribed layer for the current window (the last 24 hours). */
export interface LiveSnapshot {
  type: 'snapshot';
  layer: Layer;
  res: number;
  cells: CellValue[];
  /** Server time the cells were read, ISO-8601. */
  asOf: string;
  /** Start and end of the window the cells cover. */
  from: string;
  to: string;
  /** Human layer for anonymous subscribers: cells with fewer appeals were left out. */
  suppressedBelow?: number;
  /** True when this snapshot replaces deltas the server had to drop (slow client). */
  resync?: boolean;
}

/** The cells of one layer that changed since the last snapshot or delta; at most one per layer per second. */
export interface LiveDelta {
  type: 'delta';
  layer: Layer;
  res: number;
  /** Cells that are new or whose value or count changed. */
  cells: CellValue[];
  /** Cells that left the layer (out of the window, or below the privacy threshold). */
  removed: string[];
  asOf: string;
  /** Newest reading time (physical) or receipt time (human) among the changes behind this delta, ISO-8601. */
  latestChangeAt: string;
}

/** An alert was opened, updated or closed. */
export interface LiveAlert {
  type: 'alert';
  event: 'opened' | 'updated' | 'closed';
  /** The alert's id. */
  id: string;
  /** The alert as `GET /api/alerts` lists it, when the server could read it. */
  alert?: Record<string, unknown>;
  asOf: string;
}

/** Today's figures (the city's local day). */
export interface LiveCounters {
  type: 'counters';
  appealsReceivedToday: number;
  appealsResolvedToday: number;
  /** Readings stored per second over the last minute. */
  readingsPerSecond: number;
  /** Alerts open now (of the configured bucket width). */
  openAlerts: number | null;
  /** Appeals past their resolution deadline and not yet resolved. */
  overdueAppeals: number;
  asOf: string;
}

/** Sensor-network health: sensors per status, per kind and in all. */
export interface LiveFleet {
  type: 'fleet';
  kinds: Record<string, Record<SensorStatus, number>>;
  total: Record<SensorStatus, number>;
  asOf: string;
}

/** Appeals past their resolution deadline, grouped by area and category, most overdue first. */
export interface LiveOverdue {
  type: 'overdue';
  groups: Array<{ area: string; category: string; count: number; oldestDueAt: string }>;
  /** Anonymous subscribers: groups with fewer appeals were left out. */
  suppressedBelow?: number;
  asOf: string;
}

/** Sent every 10 seconds, whatever else was sent: the server is alive and its data current as of `asOf`. */
export interface LiveHeartbeat {
  type: 'heartbeat';
  asOf: string;
}

/** A message the server could not accept; the socket stays open and the previous subscription stands. */
export interface LiveError {
  type: 'error';
  code: string;
  /** The field of the message at fault (`res`, `layers`, `bbox`, ... or `message` for unreadable frames). */
  field: string;
  message: string;
}

/** Everything the server sends. */
export type LiveServerMessage = LiveSnapshot | LiveDelta | LiveAlert | LiveCounters | LiveFleet | LiveOverdue | LiveHeartbeat | LiveError;

/** Milliseconds between heartbeats. */
export const LIVE_HEARTBEAT_INTERVAL_MS = 10_000;
