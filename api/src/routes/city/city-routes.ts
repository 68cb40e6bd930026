import { Type } from 'typebox';
import { APPEAL_CATEGORIES, METRICS } from '@citytwin/shared';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { loadCityBoundaries, type BoundaryCollection } from '../../city/boundaries';

const CityResponse = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  timeZone: Type.String(),
  centre: Type.Array(Type.Number()),
  bounds: Type.Array(Type.Number()),
  initialView: Type.Object({ zoom: Type.Number() }),
  baseResolution: Type.Integer(),
  metrics: Type.Array(Type.Object({}, { additionalProperties: true })),
  categories: Type.Array(Type.Object({}, { additionalProperties: true })),
});

/** `GET /api/city` (profile, catalogue, taxonomy) and `GET /api/city/boundaries` (GeoJSON, WGS84). */
export function registerCityRoutes(app: FastifyTypeBox, context: AppContext): void {
  const { city, sharedDataDir, baseResolution } = context.config;
  let boundaries: Promise<BoundaryCollection> | undefined;

  app.get('/api/city', { schema: { response: { 200: CityResponse } } }, async () => ({
    code: city.code,
    nameZh: city.nameZh,
    nameEn: city.nameEn,
    timeZone: city.timeZone,
    centre: [...city.centre],
    bounds: [...city.bounds],
    initialView: city.initialView,
    baseResolution,
    metrics: Object.values(METRICS),
    categories: [...APPEAL_CATEGORIES],
  }));

  app.get('/api/city/boundaries', async (_request, reply) => {
    boundaries ??= loadCityBoundaries(sharedDataDir, city, (path) =>
      context.logger.warn({ path }, 'boundary file missing: map shows no area outlines (set SHARED_DATA_DIR)'),
    );
    void reply.header('cache-control', 'public, max-age=3600');
    return boundaries;
  });
}
