import { existsSync } from 'node:fs';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import formBody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { loadCityAreas } from '../areas/city-areas';
import { installCallerResolution } from '../auth/caller';
import { registerAppealRoutes } from '../routes/appeals/appeals-routes';
import { registerCellsRoutes } from '../routes/cells/cells-routes';
import { registerCityRoutes } from '../routes/city/city-routes';
import { registerFusionRoutes } from '../routes/fusion/fusion-routes';
import { registerPlacementRoutes } from '../routes/fusion/placement-routes';
import { registerHealthRoutes } from '../routes/health/health-routes';
import { registerHotspotsRoutes } from '../routes/hotspots/hotspots-routes';
import { registerIngestRoutes } from '../routes/ingest/ingest-routes';
import { registerSensorRoutes } from '../routes/sensors/sensors-routes';
import { registerOpen311Routes } from '../routes/open311/open311-routes';
import { registerRankingsRoutes } from '../routes/rankings/rankings-routes';
import { registerWhoamiRoutes } from '../routes/whoami/whoami-routes';
import { registerBasemapRoutes } from '../routes/basemap/basemap-routes';
import { completeAppContext, type AppContextInput } from './app-context';
import { installErrorHandler } from './error-handler';
import { RequestLogController } from './request-log-controller';
import type { FastifyTypeBox } from './fastify-typebox';

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
    bodyLimit: 32 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  installErrorHandler(app);
  await app.register(formBody);
  installCallerResolution(app, context.config.apiKeys);

  registerHealthRoutes(app, context);
  registerCityRoutes(app, context);
  registerCellsRoutes(app, context);
  registerHotspotsRoutes(app, context);
  registerFusionRoutes(app, context);
  registerPlacementRoutes(app, context);
  registerAppealRoutes(app, context);
  registerRankingsRoutes(app, context);
  registerWhoamiRoutes(app, context);
  registerBasemapRoutes(app, context);
  registerSensorRoutes(app, context);
  registerIngestRoutes(app, context);
  await registerOpen311Routes(app, context);

  if (existsSync(context.config.webDistDir)) {
    await app.register(fastifyStatic, { root: context.config.webDistDir, wildcard: false });
  } else {
    context.logger.warn({ dir: context.config.webDistDir }, 'web app not built: run `pnpm --filter @citytwin/web build` to serve the map');
  }
  return app;
}
