import { Type } from 'typebox';
import { REJECT_REASONS } from '@citytwin/shared';
import { countDeadLettersByReason, listDeadLetters } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { StringEnum } from '../../app/string-enum';

const DeadLettersQuery = Type.Object(
  { limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }), reason: Type.Optional(StringEnum(REJECT_REASONS)) },
  { additionalProperties: false },
);

const DeadLettersResponse = Type.Object({
  countsByReason: Type.Record(Type.String(), Type.Integer()),
  items: Type.Array(
    Type.Object({
      id: Type.Integer(), topic: Type.String(), reason: Type.String(), detail: Type.Union([Type.String(), Type.Null()]),
      payloadText: Type.String(), payloadBytes: Type.Integer(), receivedAt: Type.String(),
    }),
  ),
});

/**
 * `GET /api/ingest/dead-letters` (operator, admin: payloads may hold anything)
 * lists refused messages, newest first, with all-time counts by reason;
 * `GET /metrics` exposes the in-process ingest worker's counters to Prometheus.
 */
export function registerIngestRoutes(app: FastifyTypeBox, context: AppContext): void {
  app.get('/api/ingest/dead-letters', { schema: { querystring: DeadLettersQuery, response: { 200: DeadLettersResponse } } }, async (request) => {
    const letters = await listDeadLetters(context.store.db, { limit: request.query.limit, ...(request.query.reason ? { reason: request.query.reason } : {}) });
    return {
      countsByReason: await countDeadLettersByReason(context.store.db),
      items: letters.map(({ receivedAtMs, ...letter }) => ({ ...letter, receivedAt: new Date(receivedAtMs).toISOString() })),
    };
  });

  app.get('/metrics', { schema: { response: { 200: Type.String() } } }, async (_request, reply) => {
    const ingest = context.ingest?.metricsText() ?? '';
    const up = '# HELP citytwin_up 1 while the api answers.\n# TYPE citytwin_up gauge\ncitytwin_up 1\n';
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(up + ingest);
  });
}
