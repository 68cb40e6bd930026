import { Type } from 'typebox';
import { APPEAL_CATEGORIES, AREA_LEVELS, METRICS } from '@citytwin/shared';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { StringEnum } from '../../app/string-enum';

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
  /** Credits of the boundary files in use, for the map's attribution control. */
  attribution: Type.Array(Type.String()),
});

const BoundariesResponse = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      properties: Type.Object({ name: Type.String(), level: StringEnum(AREA_LEVELS) }),
      geometry: Type.Object({ type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon')]), coordinates: Type.Unknown() }),
    }),
  ),
});

/** `GET /api/city` (profile, catalogue, taxonomy) and `GET /api/city/boundaries` (GeoJSON, WGS84). */
export function registerCityRoutes(app: FastifyTypeBox, context: AppContext): void {
  const { city, baseResolution } = context.config;

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
    attribution: context.areas.attribution,
  }));

  app.get('/api/city/boundaries', { schema: { response: { 200: BoundariesResponse } } }, async (_request, reply) => {
    void reply.header('cache-control', 'public, max-age=3600');
    return context.areas.boundaries;
  });
}
