import { bigIntToCell, cellAtLatLng, cellToBigInt, type MetricCode, type Sensor } from '@citytwin/shared';
import type { Db } from '../backends/db';

export interface SensorRegistration {
  id: string;
  kind: string;
  name?: string | null;
  lat: number;
  lng: number;
  metrics: readonly MetricCode[];
  intervalMs?: number | null;
  meta?: Record<string, unknown>;
}

interface SensorRow {
  id: string;
  kind: string;
  name: string | null;
  lat: number | null;
  lng: number | null;
  cell: string | null;
  metrics: MetricCode[];
  last_seen_ms: number | null;
  interval_ms: number | null;
}

/** A registered sensor with its declared reporting interval (null when it declared none). */
export interface RegisteredSensor extends Sensor {
  intervalMs: number | null;
}

const SELECT_SENSOR = `SELECT id, kind, name, lat, lng, cell::text AS cell, metrics, interval_ms,
  (extract(epoch FROM last_seen) * 1000)::float8 AS last_seen_ms FROM sensors`;

function toSensor(row: SensorRow): RegisteredSensor {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    lat: row.lat,
    lng: row.lng,
    cell: row.cell === null ? null : bigIntToCell(row.cell),
    metrics: row.metrics,
    lastSeenMs: row.last_seen_ms,
    intervalMs: row.interval_ms,
  };
}

/** Creates or updates sensors (location, kind, metrics); keeps their last-seen time. */
export async function upsertSensors(db: Db, sensors: readonly SensorRegistration[], resolution: number): Promise<void> {
  for (const sensor of sensors) {
    await db.query(
      `INSERT INTO sensors (id, kind, name, lat, lng, cell, metrics, interval_ms, meta)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, lat = excluded.lat,
         lng = excluded.lng, cell = excluded.cell, metrics = excluded.metrics,
         interval_ms = coalesce(excluded.interval_ms, sensors.interval_ms), meta = excluded.meta`,
      [
        sensor.id,
        sensor.kind,
        sensor.name ?? null,
        sensor.lat,
        sensor.lng,
        cellToBigInt(cellAtLatLng(sensor, resolution)).toString(),
        sensor.metrics,
        sensor.intervalMs ?? null,
        JSON.stringify(sensor.meta ?? {}),
      ],
    );
  }
}

/** Moves each sensor's last-seen time forward (never back) to the newest reading. */
export async function touchSensorsLastSeen(db: Db, lastSeenMsById: ReadonlyMap<string, number>): Promise<void> {
  if (lastSeenMsById.size === 0) return;
  await db.query(
    `INSERT INTO sensors (id, last_seen)
     SELECT id, to_timestamp(ms / 1000.0) FROM unnest($1::text[], $2::float8[]) AS seen (id, ms)
     ON CONFLICT (id) DO UPDATE SET last_seen = greatest(sensors.last_seen, excluded.last_seen)`,
    [[...lastSeenMsById.keys()], [...lastSeenMsById.values()]],
  );
}

/** All registered sensors, ordered by id. */
export async function listSensors(db: Db): Promise<RegisteredSensor[]> {
  return (await db.query<SensorRow>(`${SELECT_SENSOR} ORDER BY id`)).map(toSensor);
}

/** One sensor, or undefined. */
export async function findSensor(db: Db, id: string): Promise<RegisteredSensor | undefined> {
  const [row] = await db.query<SensorRow>(`${SELECT_SENSOR} WHERE id = $1`, [id]);
  return row ? toSensor(row) : undefined;
}

/** Id and position of every sensor with a known location (ingest's location cache). */
export async function listSensorLocations(db: Db): Promise<Array<{ id: string; lat: number; lng: number }>> {
  return db.query<{ id: string; lat: number; lng: number }>('SELECT id, lat, lng FROM sensors WHERE lat IS NOT NULL AND lng IS NOT NULL');
}
