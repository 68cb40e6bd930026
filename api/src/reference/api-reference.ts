import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyTypeBox } from '../app/fastify-typebox';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';
import { accessSummary, ROUTE_ACCESS, routeKey } from '../auth/route-access';

/** Where the browsable reference lives; its own files (Swagger UI, from node_modules) sit below it. */
export const REFERENCE_PREFIX = '/api/reference';

/**
 * The OpenAPI 3 document, made by `@fastify/swagger` from every route's own
 * TypeBox schemas, at `GET /api/openapi.json`, and Swagger UI at
 * `/api/reference` served from the package's own files (no CDN). Call before
 * the routes are registered: the document is collected as they are.
 */
export async function installApiReference(app: FastifyTypeBox, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'CityTwin API',
        version,
        description: 'Sensor readings (物感) and residents\' appeals (人感) on one H3 grid: cells, hot spots, fusion, appeals and their workflow, rankings, Open311 GeoReport v2. Roles and limits: api/docs/security.md. The live channel, GET /api/live, is a WebSocket that OpenAPI 3 cannot describe: see api/docs/live.md.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <key> (twin keys add)' } } },
    },
    transform: ({ schema, url, route }) => {
      const method = Array.isArray(route.method) ? route.method[0]! : route.method;
      const access = ROUTE_ACCESS[routeKey(method, route.url)];
      if (!access) return { schema, url };
      const documented = { ...schema, summary: accessSummary(access), ...('roles' in access ? { security: [{ apiKey: [] }] } : {}) };
      return { schema: documented as typeof schema, url };
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: REFERENCE_PREFIX,
    uiConfig: { url: '/api/openapi.json', validatorUrl: null } as never,
    // Swagger UI applies one inline style; the map page's policy stays without 'unsafe-inline'.
    staticCSP: { ...CONTENT_SECURITY_POLICY, 'style-src': ["'self'", "'unsafe-inline'"] } as Record<string, string[]>,
  });
}
