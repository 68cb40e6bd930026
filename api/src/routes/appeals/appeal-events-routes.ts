import { Type, type Static } from 'typebox';
import { APPEAL_RATINGS, APPEAL_STATUSES, applyTransition, checkTransition, isAppealStatus } from '@citytwin/shared';
import { findAppeal, recordAppealStep } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { HttpError, badParameter } from '../../app/http-error';
import { announceAppeals } from './announce-appeals';
import { AppealIdParams } from './appeal-list-schema';
import { AppealView } from './appeal-view-schema';
import { toAppealView } from './appeal-view';

export const AppealEventBody = Type.Object(
  {
    to: Type.Union(APPEAL_STATUSES.map((status) => Type.Literal(status))),
    /** When the step happened; defaults to now (simulators run in accelerated time). */
    at: Type.Optional(Type.String({ format: 'date-time' })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    departments: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 20 })),
    rating: Type.Optional(Type.Union(APPEAL_RATINGS.map((rating) => Type.Literal(rating)))),
    duplicateOf: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
type AppealEventBody = Static<typeof AppealEventBody>;

async function checkMaster(context: AppContext, id: string, body: AppealEventBody): Promise<void> {
  if (body.to !== 'duplicate' || !body.duplicateOf) return;
  if (body.duplicateOf === id) throw badParameter('duplicateOf', 'an appeal cannot duplicate itself');
  const master = await findAppeal(context.store.db, body.duplicateOf);
  if (!master) throw badParameter('duplicateOf', `no appeal ${body.duplicateOf}`);
  if (master.status === 'duplicate') throw badParameter('duplicateOf', `${body.duplicateOf} is itself a duplicate; link to its master ${master.duplicateOf}`);
}

/**
 * `POST /api/appeals/:id/events`: one workflow step (operator/admin). An
 * illegal step is a 409 `CT_ERR_ILLEGAL_TRANSITION`; a step without what it
 * needs (departments, rating, duplicateOf) is a 400 naming the field.
 */
export function registerAppealEventRoutes(app: FastifyTypeBox, context: AppContext): void {
  app.post('/api/appeals/:id/events', { schema: { params: AppealIdParams, body: AppealEventBody, response: { 200: AppealView } } }, async (request) => {
    const { id } = request.params;
    const body = request.body;
    await checkMaster(context, id, body);
    const atMs = body.at ? Date.parse(body.at) : context.clock();
    const updated = await recordAppealStep(context.store.db, id, (current) => {
      if (!isAppealStatus(current.status)) throw new HttpError(409, 'CT_ERR_ILLEGAL_TRANSITION', `appeal ${id} has unknown status ${current.status}`);
      const check = checkTransition(current.status, body);
      if (!check.ok && check.problem === 'illegal') throw new HttpError(409, 'CT_ERR_ILLEGAL_TRANSITION', check.message);
      if (!check.ok) throw badParameter(check.field ?? 'to', check.message);
      const data = { ...(body.departments ? { departments: body.departments } : {}), ...(body.rating ? { rating: body.rating } : {}), ...(body.duplicateOf ? { duplicateOf: body.duplicateOf } : {}) };
      return { progress: applyTransition(current, body, atMs), atMs, actor: request.caller, note: body.note ?? null, data };
    });
    if (!updated) throw new HttpError(404, 'CT_ERR_NOT_FOUND', `no appeal ${id}`);
    await announceAppeals(context.store.db, request.log, 'updated', [{ category: updated.category, atMs }]);
    request.log.info({ appealId: id, to: body.to }, 'appeal moved on');
    return toAppealView(updated, context.clock());
  });
}
