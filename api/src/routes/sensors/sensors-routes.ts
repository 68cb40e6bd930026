import { isInsideBBox, sensorStatus } from '@citytwin/shared';
import { findSensor, listSensors, upsertSensors, type RegisteredSensor } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { badParameter } from '../../app/http-error';

import { FleetHealthResponse, SensorListQuery, SensorListResponse, SensorRegistrationBody, SensorView } from './sensors-schema';

function toView(sensor: RegisteredSensor, nowMs: number): SensorView {
  return {
    id: sensor.id, kind: sensor.kind, name: sensor.name, lat: sensor.lat, lng: sensor.lng, h3: sensor.cell,
    metrics: sensor.metrics, intervalMs: sensor.intervalMs,
    lastSeen: sensor.lastSeenMs === null ? null : new Date(sensor.lastSeenMs).toISOString(),
    status: sensorStatus(sensor.lastSeenMs, sensor.intervalMs, nowMs),
  };
}

/**
 * `POST /api/sensors` (operator, admin) registers or updates a sensor, like a
 * retained `<prefix>/sensors/<id>/meta` message; `GET /api/sensors` lists the
 * registry with each sensor's status; `GET /api/sensors/health` summarises it.
 */
export function registerSensorRoutes(app: FastifyTypeBox, context: AppContext): void {
  app.post('/api/sensors', { schema: { body: SensorRegistrationBody, response: { 201: SensorView } } }, async (request, reply) => {
    const body = request.body;
    if (!isInsideBBox(context.config.city.bounds, body.lng, body.lat)) throw badParameter('lat', `${body.lat}, ${body.lng} is outside ${context.config.city.nameEn}`);
    await upsertSensors(context.store.db, [{ ...body, name: body.name ?? null, intervalMs: body.intervalMs ?? null, meta: { source: 'api' } }], context.config.baseResolution);
    const stored = await findSensor(context.store.db, body.id);
    return reply.status(201).send(toView(stored!, context.clock()));
  });

  app.get('/api/sensors', { schema: { querystring: SensorListQuery, response: { 200: SensorListResponse } } }, async (request) => {
    const nowMs = context.clock();
    const views = (await listSensors(context.store.db)).map((sensor) => toView(sensor, nowMs));
    const sensors = views.filter((view) => (!request.query.status || view.status === request.query.status) && (!request.query.kind || view.kind === request.query.kind));
    return { sensors };
  });

  app.get('/api/sensors/health', { schema: { response: { 200: FleetHealthResponse } } }, async () => {
    const nowMs = context.clock();
    const counts = { online: 0, stale: 0, offline: 0, unknown: 0 };
    let newest: number | null = null;
    const sensors = await listSensors(context.store.db);
    for (const sensor of sensors) {
      counts[sensorStatus(sensor.lastSeenMs, sensor.intervalMs, nowMs)] += 1;
      if (sensor.lastSeenMs !== null && (newest === null || sensor.lastSeenMs > newest)) newest = sensor.lastSeenMs;
    }
    return { total: sensors.length, ...counts, newestReading: newest === null ? null : new Date(newest).toISOString(), asOf: new Date(nowMs).toISOString() };
  });
}
