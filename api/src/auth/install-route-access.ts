import type { preValidationHookHandler } from 'fastify';
import type { FastifyTypeBox } from '../app/fastify-typebox';
import { requireRole } from './caller';
import { ROUTE_ACCESS, routeKey } from './route-access';

/**
 * Enforces {@link ROUTE_ACCESS} on every route registered after this call,
 * before its input is validated: a caller without the role never learns what
 * a valid request would look like. Routes not in the table are left to the
 * authorisation matrix test, which fails until they are added.
 */
export function installRouteAccess(app: FastifyTypeBox): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const access = methods.map((method) => ROUTE_ACCESS[routeKey(method === 'HEAD' ? 'GET' : method, route.url)]).find(Boolean);
    if (!access || 'public' in access) return;
    const check: preValidationHookHandler = async (request) => requireRole(request, access.roles);
    const existing = route.preValidation;
    route.preValidation = existing === undefined ? [check] : [...(Array.isArray(existing) ? existing : [existing]), check];
  });
}
