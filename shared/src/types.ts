import type { MetricCode } from './catalogue/metrics';
import type { H3Cell } from './grid/cell';

/** One value of one metric from one sensor at one instant. */
export interface Reading {
  sensorId: string;
  metric: MetricCode;
  /** Epoch milliseconds, UTC. */
  tsMs: number;
  value: number;
  /** Base-resolution cell of the sensor at the time of the reading. */
  cell: H3Cell;
}

export type SensorStatus = 'online' | 'stale' | 'offline' | 'unknown';

/** A registered sensor. */
export interface Sensor {
  id: string;
  kind: string;
  name: string | null;
  lat: number | null;
  lng: number | null;
  cell: H3Cell | null;
  metrics: MetricCode[];
  /** Epoch ms of the newest reading, null when none arrived yet. */
  lastSeenMs: number | null;
}

/** A resident's appeal (诉求) as the domain sees it; personal data lives elsewhere. */
export interface Appeal {
  id: string;
  category: string;
  status: string;
  channel: string;
  receivedAtMs: number;
  lat: number | null;
  lng: number | null;
  cell: H3Cell | null;
}

/** The value of one cell in a layer for a time window. */
export interface CellValue {
  h3: H3Cell;
  /** Mean of the readings (physical layer) or number of appeals (human layer). */
  value: number;
  /** Readings (physical) or appeals (human) behind the value. */
  count: number;
}

export type Layer = 'physical' | 'human';
