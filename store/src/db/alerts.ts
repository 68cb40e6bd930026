import { bigIntToCell, cellToBigInt, type H3Cell } from '@citytwin/shared';
import type { Db, Queryable } from '../backends/db';
import { CHANGE_CHANNELS, type AlertEvent } from '../notify/change-channels';
import { notifyChange } from '../notify/notify-change';

export type AlertLayer = 'physical' | 'human';
export type AlertStatus = 'open' | 'closed';

/** An alert as stored. `key` is the metric (physical) or the first-level category (human). */
export interface StoredAlert {
  id: string;
  layer: AlertLayer;
  key: string;
  h3: H3Cell;
  bucketS: number;
  status: AlertStatus;
  openedAtMs: number;
  closedAtMs: number | null;
  lastAbnormalAtMs: number;
  peak: { value: number; z: number; atMs: number };
  baseline: { median: number; mad: number };
}

/** What the alert job writes. */
export type AlertWrite = Omit<StoredAlert, 'id'>;

interface AlertRow {
  id: string;
  layer: AlertLayer;
  metric: string | null;
  category: string | null;
  cell: string;
  bucket_s: number;
  status: AlertStatus;
  opened_ms: number;
  closed_ms: number | null;
  last_ms: number;
  peak_value: number;
  peak_z: number;
  peak_ms: number;
  baseline_median: number;
  baseline_mad: number;
}

const SELECT_ALERT = `SELECT id::text AS id, layer, metric, category, cell::text AS cell, bucket_s, status,
  (extract(epoch FROM opened_at) * 1000)::float8 AS opened_ms, (extract(epoch FROM closed_at) * 1000)::float8 AS closed_ms,
  (extract(epoch FROM last_abnormal_at) * 1000)::float8 AS last_ms, peak_value, peak_z, (extract(epoch FROM peak_at) * 1000)::float8 AS peak_ms,
  baseline_median, baseline_mad FROM alerts`;

function toAlert(row: AlertRow): StoredAlert {
  return {
    id: row.id, layer: row.layer, key: (row.metric ?? row.category)!, h3: bigIntToCell(row.cell), bucketS: row.bucket_s, status: row.status,
    openedAtMs: row.opened_ms, closedAtMs: row.closed_ms, lastAbnormalAtMs: row.last_ms,
    peak: { value: row.peak_value, z: row.peak_z, atMs: row.peak_ms }, baseline: { median: row.baseline_median, mad: row.baseline_mad },
  };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function writeValues(alert: AlertWrite): unknown[] {
  return [
    alert.layer, alert.layer === 'physical' ? alert.key : null, alert.layer === 'human' ? alert.key : null, cellToBigInt(alert.h3).toString(), alert.bucketS,
    alert.status, iso(alert.openedAtMs), iso(alert.closedAtMs), iso(alert.lastAbnormalAtMs), alert.peak.value, alert.peak.z, iso(alert.peak.atMs),
    alert.baseline.median, alert.baseline.mad,
  ];
}

/** Stores a new alert and announces it (`opened`, and `closed` too when it is already over). */
export async function insertAlert(db: Db, alert: AlertWrite): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO alerts (layer, metric, category, cell, bucket_s, status, opened_at, closed_at, last_abnormal_at, peak_value, peak_z, peak_at, baseline_median, baseline_mad)
       VALUES ($1, $2, $3, $4::bigint, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id::text AS id`,
      writeValues(alert),
    );
    await notifyChange(tx, CHANGE_CHANNELS.alerts, { id: row!.id, event: 'opened' });
    if (alert.status === 'closed') await notifyChange(tx, CHANGE_CHANNELS.alerts, { id: row!.id, event: 'closed' });
    return row!.id;
  });
}

/** Rewrites an alert and announces the change (`closed` when it closes now, else `updated`). */
export async function updateAlert(db: Db, id: string, alert: AlertWrite, event: Exclude<AlertEvent, 'opened'>): Promise<void> {
  await db.transaction(async (tx: Queryable) => {
    await tx.query(
      `UPDATE alerts SET layer = $1, metric = $2, category = $3, cell = $4::bigint, bucket_s = $5, status = $6, opened_at = $7, closed_at = $8,
         last_abnormal_at = $9, peak_value = $10, peak_z = $11, peak_at = $12, baseline_median = $13, baseline_mad = $14, updated_at = now()
       WHERE id = $15`,
      [...writeValues(alert), id],
    );
    await notifyChange(tx, CHANGE_CHANNELS.alerts, { id, event });
  });
}

export interface AlertFilter {
  /** Alerts whose span [opened, closed or now) overlaps [fromMs, toMs). */
  fromMs?: number;
  toMs?: number;
  status?: AlertStatus;
  layer?: AlertLayer;
  metric?: string;
  category?: string;
  bucketS?: number;
  limit?: number;
}

/**
 * Alerts matching the filter, newest opened first. A window selects the
 * alerts whose open span overlaps it (an open alert spans until now).
 * @example await listAlerts(db, { fromMs, toMs, status: 'open' })
 */
export async function listAlerts(db: Queryable, filter: AlertFilter = {}): Promise<StoredAlert[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.toMs !== undefined) add('opened_at < ?', iso(filter.toMs));
  if (filter.fromMs !== undefined) add('(closed_at IS NULL OR closed_at > ?)', iso(filter.fromMs));
  if (filter.status) add('status = ?', filter.status);
  if (filter.layer) add('layer = ?', filter.layer);
  if (filter.metric) add('metric = ?', filter.metric);
  if (filter.category) add('category = ?', filter.category);
  if (filter.bucketS) add('bucket_s = ?', filter.bucketS);
  params.push(filter.limit ?? 1000);
  const rows = await db.query<AlertRow>(`${SELECT_ALERT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY opened_at DESC, id DESC LIMIT $${params.length}`, params);
  return rows.map(toAlert);
}

/** The start of the newest bucket the alert job has evaluated for a bucket width, or null before its first pass. */
export async function findAlertWatermark(db: Queryable, bucketS: number): Promise<number | null> {
  const [row] = await db.query<{ ms: number }>('SELECT (extract(epoch FROM evaluated_to) * 1000)::float8 AS ms FROM alert_watermarks WHERE bucket_s = $1', [bucketS]);
  return row?.ms ?? null;
}

export async function saveAlertWatermark(db: Queryable, bucketS: number, evaluatedToMs: number): Promise<void> {
  await db.query(
    `INSERT INTO alert_watermarks (bucket_s, evaluated_to) VALUES ($1, $2)
     ON CONFLICT (bucket_s) DO UPDATE SET evaluated_to = EXCLUDED.evaluated_to`,
    [bucketS, iso(evaluatedToMs)],
  );
}

/** One alert by id, or undefined (the live channel reads the alert a notification names). */
export async function findAlert(db: Queryable, id: string): Promise<StoredAlert | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const [row] = await db.query<AlertRow>(`${SELECT_ALERT} WHERE id = $1`, [id]);
  return row ? toAlert(row) : undefined;
}

/** Alerts open now for one bucket width. */
export async function countOpenAlerts(db: Queryable, bucketS: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM alerts WHERE status = 'open' AND bucket_s = $1`, [bucketS]);
  return row?.n ?? 0;
}
