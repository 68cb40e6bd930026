import { existsSync } from 'node:fs';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import formBody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { loadCityAreas } from '../areas/city-areas';
import { watchStoredAreas } from '../areas/stored-areas';
import { registerAreaImportRoutes } from '../routes/areas/area-import-routes';
import { installCallerResolution } from '../auth/caller';
import { installRouteAccess } from '../auth/install-route-access';
import { keyResolver } from '../auth/key-resolver';
import { DEFAULT_BODY_LIMIT, installBodyLimits } from '../security/body-limits';
import { installSecurityHeaders } from '../security/security-headers';
import { installWriteRateLimit } from '../security/write-rate-limit';
import { refuseNulBytes } from '../security/refuse-nul-bytes';
import { registerAppealRoutes } from '../routes/appeals/appeals-routes';
import { registerCellsRoutes } from '../routes/cells/cells-routes';
import { registerCityRoutes } from '../routes/city/city-routes';
import { registerFusionRoutes } from '../routes/fusion/fusion-routes';
import { registerPlacementRoutes } from '../routes/fusion/placement-routes';
import { registerHealthProbeRoutes } from '../routes/health/health-probe-routes';
import { registerHealthRoutes } from '../routes/health/health-routes';
import { registerHotspotsRoutes } from '../routes/hotspots/hotspots-routes';
import { registerIngestRoutes } from '../routes/ingest/ingest-routes';
import { registerLiveRoutes } from '../routes/live/live-routes';
import { registerSensorRoutes } from '../routes/sensors/sensors-routes';
import { registerOpen311Routes } from '../routes/open311/open311-routes';
import { registerRankingsRoutes } from '../routes/rankings/rankings-routes';
import { registerChronicRoutes } from '../routes/appeals/chronic-routes';
import { registerCellSeriesRoutes } from '../routes/cells/cell-series-routes';
import { registerCorrelationRoutes } from '../routes/fusion/correlation-routes';
import { registerTrendsRoutes } from '../routes/trends/trends-routes';
import { registerAlertsRoutes } from '../routes/alerts/alerts-routes';
import { registerWhoamiRoutes } from '../routes/whoami/whoami-routes';
import { registerBasemapRoutes } from '../routes/basemap/basemap-routes';
import { completeAppContext, type AppContextInput } from './app-context';
import { installErrorHandler } from './error-handler';
import { installRouteCatalogue } from './route-catalogue';
import { installApiReference } from '../reference/api-reference';
import { RequestLogController } from './request-log-controller';
import type { FastifyTypeBox } from './fastify-typebox';

/** The API's version in the OpenAPI document. */
const API_VERSION = '0.1.0';

/**
 * Builds the HTTP app over an open store; `listen` is the caller's business.
 *
 * @throws BoundaryFileError when a boundary file of `config.boundaries` cannot serve (and no `areas` were given).
 */
export async function buildApp(input: AppContextInput): Promise<FastifyTypeBox> {
  const context = completeAppContext(input, input.areas ?? (await loadCityAreas(input.config.boundaries, input.config.city.bounds)));
  const app = Fastify({
    loggerInstance: context.logger as FastifyBaseLogger,
    logController: new RequestLogController(),
    bodyLimit: DEFAULT_BODY_LIMIT,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  installRouteCatalogue(app);
  installErrorHandler(app);
  const basemap = context.config.basemap;
  await installSecurityHeaders(app, context.config.corsOrigins, basemap && 'url' in basemap ? basemap.url : undefined);
  installBodyLimits(app);
  const reloadAreas = await watchStoredAreas(app, context);
  await app.register(formBody);
  refuseNulBytes(app);
  installCallerResolution(app, keyResolver(context.store.db, context.config.apiKeys));
  await installWriteRateLimit(app, context.config.rateLimit);
  installRouteAccess(app);
  await installApiReference(app, API_VERSION);

  registerHealthRoutes(app, context);
  registerHealthProbeRoutes(app, context);
  registerCityRoutes(app, context);
  registerCellsRoutes(app, context);
  registerHotspotsRoutes(app, context);
  registerFusionRoutes(app, context);
  registerPlacementRoutes(app, context);
  registerCorrelationRoutes(app, context);
  registerTrendsRoutes(app, context);
  registerCellSeriesRoutes(app, context);
  registerChronicRoutes(app, context);
  registerAlertsRoutes(app, context);
  registerAppealRoutes(app, context);
  registerRankingsRoutes(app, context);
  registerWhoamiRoutes(app, context);
  registerBasemapRoutes(app, context);
  registerSensorRoutes(app, context);
  registerIngestRoutes(app, context);
  await registerOpen311Routes(app, context);
  registerAreaImportRoutes(app, context, reloadAreas);
  await registerLiveRoutes(app, context);

  if (existsSync(context.config.webDistDir)) {
    await app.register(fastifyStatic, { root: context.config.webDistDir, wildcard: false });
    // The wall display is a page of the same app, chosen by its path.
    app.get('/wall', (_request, reply) => reply.sendFile('index.html'));
  } else {
    context.logger.warn({ dir: context.config.webDistDir }, 'web app not built: run `pnpm --filter @citytwin/web build` to serve the map');
  }
  return app;
}
