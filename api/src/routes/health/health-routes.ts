import { Type } from 'typebox';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import type { AppContext } from '../../app/app-context';

const HealthResponse = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
    store: Type.Union([Type.Literal('pglite'), Type.Literal('postgres'), Type.Literal('timescaledb')]),
    broker: Type.Union([Type.Literal('embedded'), Type.Literal('external')]),
    city: Type.String(),
    baseResolution: Type.Integer(),
    storeReachable: Type.Boolean(),
    /** Areas per level that appeals are assigned to (0 for a level with no boundary file). */
    areas: Type.Object({ district: Type.Integer(), street: Type.Integer(), community: Type.Integer() }),
  },
  { additionalProperties: true },
);

/**
 * `GET /api/health`: which store and broker run, whether the store answers and,
 * with a read replica, where reads go and how far it is behind (`degraded`
 * while reads fall back to the primary).
 */
export function registerHealthRoutes(app: FastifyTypeBox, context: AppContext): void {
  app.get('/api/health', { schema: { response: { 200: HealthResponse } } }, async () => {
    const storeReachable = await context.store.db.query('SELECT 1').then(
      () => true,
      () => false,
    );
    const details = context.healthDetails?.() ?? {};
    const replica = context.replicaStatus?.();
    const degraded = !storeReachable || details['degraded'] === true || replica?.serving === 'primary';
    return {
      ...details,
      status: degraded ? ('degraded' as const) : ('ok' as const),
      store: context.store.kind,
      broker: context.broker,
      city: context.config.city.code,
      baseResolution: context.config.baseResolution,
      storeReachable,
      areas: { ...context.areas.counts },
      ...(replica ? { readReplica: replica } : {}),
    };
  });
}
