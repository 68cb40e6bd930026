import mqtt, { type MqttClient } from 'mqtt';
import { settleRollups, type Db } from '@citytwin/store';

/** Where the numbered test sensors stand (central Beijing). */
export const NUMBERED_AT = { lat: 39.93, lng: 116.41 };
/** The numbered messages' first timestamp. */
export const NUMBERED_T0_MS = Date.parse('2026-06-01T00:00:00Z');
const SENSORS = 100;

/** Message `i`: one pm25 reading whose (sensor, ts) no other message shares. */
export function numberedMessage(prefix: string, i: number): { topic: string; payload: string } {
  const ts = NUMBERED_T0_MS + Math.floor(i / SENSORS) * 1000;
  return { topic: `${prefix}/sensors/k-${i % SENSORS}`, payload: JSON.stringify({ ts, ...NUMBERED_AT, values: { pm25: i % 500 } }) };
}

/**
 * Publishes messages `from`..`to-1` at QoS 1 from a persistent session; resolves
 * when the broker acknowledged them all (mqtt.js resends across broker restarts).
 */
export async function publishNumbered(client: MqttClient, prefix: string, from: number, to: number, window = 2000, perSecond = Infinity): Promise<void> {
  const started = performance.now();
  for (let start = from; start < to; start += window) {
    const dueMs = ((start - from) / perSecond) * 1000 - (performance.now() - started);
    if (dueMs > 0) await new Promise((resolve) => setTimeout(resolve, dueMs));
    const end = Math.min(to, start + window);
    const sends: Array<Promise<unknown>> = [];
    for (let i = start; i < end; i += 1) {
      const { topic, payload } = numberedMessage(prefix, i);
      sends.push(client.publishAsync(topic, payload, { qos: 1 }));
    }
    await Promise.all(sends);
  }
}

/** A publisher with a persistent session, so nothing it sent is forgotten over a broker restart. */
export async function connectPublisher(url: string, clientId: string): Promise<MqttClient> {
  return mqtt.connectAsync(url, { clientId, clean: false, reconnectPeriod: 200, queueQoSZero: true });
}

/**
 * What the store holds of messages 0..n-1: readings that match one of them,
 * readings that do not, expected ones missing, and the readings counted in
 * the 5-minute, 1-hour and 1-day rollups (double counting shows there),
 * the coarser two derived first from the 5-minute one.
 */
export async function auditNumbered(db: Db, n: number): Promise<{ stored: number; missing: number; unexpected: number; rolled5m: number; rolled1h: number; rolled1d: number }> {
  await settleRollups(db);
  const [row] = await db.query<{ stored: number; missing: number; unexpected: number; rolled5m: number; rolled1h: number; rolled1d: number }>(
    `WITH expected AS (
       SELECT 'k-' || (i % ${SENSORS}) AS sensor_id, to_timestamp(($2::float8 + floor(i / ${SENSORS}) * 1000) / 1000) AS ts, (i % 500)::float8 AS value
       FROM generate_series(0, $1::int - 1) AS i)
     SELECT (SELECT count(*) FROM readings)::int AS stored,
       (SELECT count(*) FROM expected e WHERE NOT EXISTS (
          SELECT 1 FROM readings r WHERE r.sensor_id = e.sensor_id AND r.metric = 'pm25' AND r.ts = e.ts AND r.value = e.value))::int AS missing,
       (SELECT count(*) FROM readings r WHERE NOT EXISTS (
          SELECT 1 FROM expected e WHERE r.sensor_id = e.sensor_id AND r.ts = e.ts))::int AS unexpected,
       (SELECT coalesce(sum(count), 0) FROM cell_rollups WHERE width_s = 300)::int AS "rolled5m",
       (SELECT coalesce(sum(count), 0) FROM cell_rollups WHERE width_s = 3600)::int AS "rolled1h",
       (SELECT coalesce(sum(count), 0) FROM cell_rollups WHERE width_s = 86400)::int AS "rolled1d"`,
    [n, NUMBERED_T0_MS],
  );
  return row!;
}

/** Readings stored so far (cheap enough to poll). */
export async function storedCount(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM readings');
  return row?.n ?? 0;
}

/**
 * Waits until `n` readings are stored, or until the count has not moved for
 * `stallMs` (then the audit shows what is missing instead of a bare timeout).
 */
export async function waitForStored(db: Db, n: number, stallMs = 20_000): Promise<number> {
  let last = -1;
  let movedAt = performance.now();
  for (;;) {
    const count = await storedCount(db);
    if (count >= n) return count;
    if (count !== last) {
      last = count;
      movedAt = performance.now();
    } else if (performance.now() - movedAt > stallMs) return count;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
