import type { H3Cell, MetricCode } from '@citytwin/shared';

/**
 * The Postgres `NOTIFY` channels on which writers announce what changed.
 * Payloads are small hints, never the data: a listener reads the values from
 * the store, so every API instance computes the same thing.
 */
export const CHANGE_CHANNELS = {
  /** Ingest, after each committed batch of readings: {@link ReadingsChange}. */
  readings: 'citytwin_readings',
  /** The appeal routes (create, Open311, workflow events, import): {@link AppealsChange}. */
  appeals: 'citytwin_appeals',
  /** The alert job, when an alert opens, updates or closes: {@link AlertChange}. */
  alerts: 'citytwin_alerts',
} as const;

export type ChangeChannel = (typeof CHANGE_CHANNELS)[keyof typeof CHANGE_CHANNELS];

/** New readings were committed. */
export interface ReadingsChange {
  /** Metrics of the new readings. */
  metrics: MetricCode[];
  /** Earliest and latest reading time of the batch, epoch ms (which rollup buckets moved). */
  fromMs: number;
  toMs: number;
  /** Readings in the batch. */
  count: number;
  /**
   * The cells the batch wrote to, so a listener re-reads only those: the
   * readings' base cells, or their parents at a coarser resolution when the
   * list would not fit the payload. Absent means "any cell".
   */
  cells?: H3Cell[];
}

/** Appeals were received, or moved on in their workflow. */
export interface AppealsChange {
  /** `received`: new appeals (per-cell counts moved); `updated`: workflow steps (statuses, outcomes). */
  kind: 'received' | 'updated';
  /** First-level categories touched; absent means "any" (the list did not fit the payload). */
  categories?: string[];
  /** Earliest and latest received time (received) or step time (updated), epoch ms. */
  fromMs: number;
  toMs: number;
  count: number;
}

/** What happened to an alert. */
export const ALERT_EVENTS = ['opened', 'updated', 'closed'] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];

/** An alert row changed: read it by `id` from the `alerts` table. */
export interface AlertChange {
  /** The alert's primary key, as text. */
  id: string;
  event: AlertEvent;
}

/** The payload type of each channel. */
export interface ChangeOf {
  citytwin_readings: ReadingsChange;
  citytwin_appeals: AppealsChange;
  citytwin_alerts: AlertChange;
}
