import { randomUUID } from 'node:crypto';
import { cellResolution, findAppealCategory, isAppealStatus, isCell, isInsideBBox } from '@citytwin/shared';
import { findAppeal, findAppealContact, insertAppeal, listAppealEvents, listAppeals, type AppealFilter } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { HttpError, badParameter } from '../../app/http-error';
import { registerAppealEventRoutes } from './appeal-events-routes';
import { registerAppealImportRoutes } from './appeal-import-routes';
import { registerAppealTopRoutes } from './appeal-top-routes';
import { announceAppeals } from './announce-appeals';
import { appealEnricher } from './appeal-enrichment';
import { CreateAppealBody } from './appeal-create-schema';
import { AppealIdParams, AppealListQuery } from './appeal-list-schema';
import { AppealList, AppealView } from './appeal-view-schema';
import { maySeeContact, toAppealView } from './appeal-view';


function checkLocation(context: AppContext, body: CreateAppealBody): void {
  if (!findAppealCategory(body.category)) throw badParameter('category', `"${body.category}" is not an appeal category code`);
  if ((body.lat === undefined) !== (body.lng === undefined)) throw badParameter(body.lat === undefined ? 'lat' : 'lng', 'lat and lng come together');
  if (body.lat !== undefined && body.lng !== undefined && !isInsideBBox(context.config.city.bounds, body.lng, body.lat)) {
    throw badParameter('lat', `${body.lat}, ${body.lng} is outside ${context.config.city.nameEn}`);
  }
}

function filterOf(context: AppContext, query: AppealListQuery): AppealFilter {
  const statuses = query.status?.split(',').map((status) => status.trim()).filter(Boolean);
  const bad = statuses?.find((status) => !isAppealStatus(status));
  if (bad) throw badParameter('status', `"${bad}" is not an appeal status`);
  if (query.category !== undefined && !findAppealCategory(query.category)) throw badParameter('category', `"${query.category}" is not an appeal category code`);
  if (query.cell !== undefined && (!isCell(query.cell) || cellResolution(query.cell) > context.config.baseResolution)) {
    throw new HttpError(400, 'CT_ERR_BAD_H3', `cell: "${query.cell}" is not an H3 cell of resolution <= ${context.config.baseResolution}`, 'cell');
  }
  return {
    ...(query.from ? { fromMs: Date.parse(query.from) } : {}), ...(query.to ? { toMs: Date.parse(query.to) } : {}),
    ...(query.category ? { category: query.category } : {}), ...(statuses?.length ? { statuses } : {}),
    ...(query.district ? { district: query.district } : {}), ...(query.street ? { street: query.street } : {}),
    ...(query.cell ? { cell: query.cell, cellRes: cellResolution(query.cell) } : {}),
    ...(query.overdue ? { overdue: { step: query.overdue, nowMs: context.clock() } } : {}),
    limit: query.limit, offset: query.offset,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/**
 * Appeals: `POST /api/appeals` (operator/admin), `GET /api/appeals` and
 * `GET /api/appeals/:id` (planner and up; contact data for operator/admin only),
 * plus the workflow, import and top-categories routes.
 */
export function registerAppealRoutes(app: FastifyTypeBox, context: AppContext): void {
  const enrich = appealEnricher(context);
  app.post('/api/appeals', { schema: { body: CreateAppealBody, response: { 201: AppealView } } }, async (request, reply) => {
    const { contact, externalId, ...body } = request.body;
    checkLocation(context, request.body);
    const receivedAtMs = body.receivedAt ? Date.parse(body.receivedAt) : context.clock();
    const located = { category: body.category, lat: body.lat ?? null, lng: body.lng ?? null, receivedAtMs };
    const id = randomUUID();
    try {
      await insertAppeal(context.store.db, { id, ...body, ...located, ...(await enrich)(located), externalId: externalId ?? null, contact: contact ?? null }, request.caller);
    } catch (error) {
      if (isUniqueViolation(error)) throw new HttpError(409, 'CT_ERR_CONFLICT', `externalId: an appeal with this externalId exists already`, 'externalId');
      throw error;
    }
    await announceAppeals(context.store.db, request.log, 'received', [{ category: body.category, atMs: receivedAtMs }]);
    void reply.status(201);
    return toAppealView((await findAppeal(context.store.db, id))!, context.clock(), contact ? { contact } : {});
  });

  app.get('/api/appeals', { schema: { querystring: AppealListQuery, response: { 200: AppealList } } }, async (request) => {
    const { total, appeals } = await listAppeals(context.store.db, filterOf(context, request.query));
    const now = context.clock();
    return { total, limit: request.query.limit, offset: request.query.offset, appeals: appeals.map((appeal) => toAppealView(appeal, now)) };
  });

  app.get('/api/appeals/:id', { schema: { params: AppealIdParams, response: { 200: AppealView } } }, async (request) => {
    const appeal = await findAppeal(context.store.db, request.params.id);
    if (!appeal) throw new HttpError(404, 'CT_ERR_NOT_FOUND', `no appeal ${request.params.id}`);
    const contact = maySeeContact(request.caller) ? await findAppealContact(context.store.db, appeal.id) : undefined;
    const events = await listAppealEvents(context.store.db, appeal.id);
    return toAppealView(appeal, context.clock(), { events, ...(contact ? { contact } : {}) });
  });

  registerAppealEventRoutes(app, context);
  registerAppealImportRoutes(app, context, enrich);
  registerAppealTopRoutes(app, context);
}
