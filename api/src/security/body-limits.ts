import type { FastifyTypeBox } from '../app/fastify-typebox';

/** Bytes a request body may have unless its route is listed in {@link BODY_LIMITS}. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** Routes that take more than {@link DEFAULT_BODY_LIMIT}, keyed `METHOD /path`. */
export const BODY_LIMITS: Readonly<Record<string, number>> = {
  // A month of a district's hotline export as CSV.
  'POST /api/appeals/import': 32 * 1024 * 1024,
};

/** Gives every route registered after this call its body limit (413 beyond it). */
export function installBodyLimits(app: FastifyTypeBox): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const listed = methods.map((method) => BODY_LIMITS[`${method} ${route.url}`]).find((limit) => limit !== undefined);
    route.bodyLimit ??= listed ?? DEFAULT_BODY_LIMIT;
  });
}
