import { randomUUID } from 'node:crypto';
import { cellAtLatLng, findAppealCategory, isInsideBBox } from '@citytwin/shared';
import { insertAppeal } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { badParameter } from '../../app/http-error';
import { requireRole } from '../../auth/caller';
import { CreateAppealBody, CreatedAppeal } from './appeal-create-schema';

/** `POST /api/appeals`: an operator records a new appeal (status `received`). */
export function registerAppealRoutes(app: FastifyTypeBox, context: AppContext): void {
  app.post('/api/appeals', { schema: { body: CreateAppealBody, response: { 201: CreatedAppeal } } }, async (request, reply) => {
    requireRole(request, ['admin', 'operator']);
    const body = request.body;
    if (!findAppealCategory(body.category)) throw badParameter('category', `"${body.category}" is not an appeal category code`);
    if ((body.lat === undefined) !== (body.lng === undefined)) throw badParameter(body.lat === undefined ? 'lat' : 'lng', 'lat and lng come together');
    if (body.lat !== undefined && body.lng !== undefined && !isInsideBBox(context.config.city.bounds, body.lng, body.lat)) {
      throw badParameter('lat', `${body.lat}, ${body.lng} is outside ${context.config.city.nameEn}`);
    }
    const receivedAtMs = body.receivedAt ? Date.parse(body.receivedAt) : context.clock();
    const cell = body.lat !== undefined && body.lng !== undefined ? cellAtLatLng({ lat: body.lat, lng: body.lng }, context.config.baseResolution) : null;
    const id = randomUUID();
    await insertAppeal(context.store.db, { id, ...body, cell, receivedAtMs }, request.caller);
    void reply.status(201);
    return { id, status: 'received', category: body.category, cell, receivedAt: new Date(receivedAtMs).toISOString() };
  });
}
