import { Type } from 'typebox';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import type { AppContext } from '../../app/app-context';
import { checkReadiness } from '../../health/readiness';

const LiveResponse = Type.Object({ status: Type.Literal('live') });

const ReadyResponse = Type.Object(
  {
    status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
    reasons: Type.Array(Type.String()),
    checks: Type.Object({}, { additionalProperties: true }),
  },
  { additionalProperties: true },
);

/**
 * `GET /api/health/live` (the process answers: restart it if not) and
 * `GET /api/health/ready` (send it traffic: 200 when ready, 503 with the
 * reasons otherwise). Neither needs a key; neither shows data.
 */
export function registerHealthProbeRoutes(app: FastifyTypeBox, context: AppContext): void {
  app.get('/api/health/live', { schema: { response: { 200: LiveResponse } } }, async () => ({ status: 'live' as const }));
  app.get('/api/health/ready', { schema: { response: { 200: ReadyResponse, 503: ReadyResponse } } }, async (_request, reply) => {
    const readiness = await checkReadiness(context);
    const body = { status: readiness.ready ? ('ready' as const) : ('not_ready' as const), reasons: readiness.reasons, checks: readiness.checks };
    return reply.code(readiness.ready ? 200 : 503).send(body);
  });
}
