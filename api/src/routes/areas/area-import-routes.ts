import { Type } from 'typebox';
import { ERROR_CODES } from '@citytwin/shared';
import { listLocatedAppeals, replaceAdminAreas, setAppealAreas } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { HttpError } from '../../app/http-error';
import { requireRole } from '../../auth/caller';
import { attributionOfJson, BoundaryFileError, parseBoundaryJson } from '../../areas/boundary-file';
import { touchesCity } from '../../areas/city-areas';

const ImportAreasQuery = Type.Object(
  {
    level: Type.Union([Type.Literal('district'), Type.Literal('street'), Type.Literal('community')]),
    nameProperty: Type.String({ minLength: 1, maxLength: 100, default: 'name' }),
    datum: Type.Union([Type.Literal('wgs84'), Type.Literal('gcj02')], { default: 'wgs84' }),
    /** What the polygons came from (a file name), for logs and `/api/health`. */
    source: Type.String({ minLength: 1, maxLength: 200, default: 'import' }),
    /** Give the appeals already stored the areas of the new polygons (default true). */
    reassign: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
);

const ImportAreasResult = Type.Object({
  level: Type.String(),
  polygons: Type.Integer(),
  /** Distinct area names of the level now in use. */
  areas: Type.Integer(),
  /** Stored appeals whose area of this level was set again. */
  appealsReassigned: Type.Integer(),
});

/** A city's 街道 file is a few MB; a detailed national one can be tens. */
const AREA_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * `POST /api/areas/import?level=&nameProperty=&datum=` (admin): a GeoJSON
 * document's named polygons become the areas of `level` (replacing the
 * boundary file of that level), in this instance at once and in every other
 * through NOTIFY; stored appeals get their areas again unless `reassign=false`.
 */
export function registerAreaImportRoutes(app: FastifyTypeBox, context: AppContext, reloadAreas: () => Promise<void>): void {
  app.post('/api/areas/import', {
    bodyLimit: AREA_BODY_LIMIT_BYTES,
    schema: { querystring: ImportAreasQuery, body: Type.Unknown(), response: { 200: ImportAreasResult } },
  }, async (request) => {
    requireRole(request, ['admin']);
    const { level, nameProperty, datum, source, reassign } = request.query;
    let features;
    try {
      features = parseBoundaryJson(request.body, { level, nameProperty, datum }, source);
    } catch (error) {
      if (error instanceof BoundaryFileError) throw new HttpError(400, ERROR_CODES.badAreas, error.message);
      throw error;
    }
    const bounds = context.config.city.bounds;
    if (!touchesCity(features, bounds)) {
      throw new HttpError(400, ERROR_CODES.badAreas, `none of the ${features.length} polygons lies within the city's bounds [${bounds.join(', ')}] (coordinates must be longitude, latitude in degrees, datum ${datum})`);
    }
    const attribution = attributionOfJson(request.body) ?? null;
    await replaceAdminAreas(context.store.db, level, features.map((feature) => ({ name: feature.properties.name, geometry: feature.geometry, source, attribution })));
    await reloadAreas();
    let appealsReassigned = 0;
    if (reassign) {
      const appeals = await listLocatedAppeals(context.store.db);
      const { locator } = context.areas;
      await setAppealAreas(context.store.db, level, appeals.map((appeal) => appeal.id), appeals.map((appeal) => locator.locate(appeal.lat, appeal.lng)[level]));
      appealsReassigned = appeals.length;
    }
    const areas = context.areas.counts[level];
    request.log.info({ level, source, polygons: features.length, areas, appealsReassigned }, 'areas imported');
    return { level, polygons: features.length, areas, appealsReassigned };
  });
}
