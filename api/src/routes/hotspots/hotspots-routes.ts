import { findAppealCategory } from '@citytwin/shared';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { badParameter } from '../../app/http-error';
import { resolveAnalysisRequest } from './analysis-request';
import { HotspotsQuery, HotspotsResponse } from './hotspots-schema';
import { humanHotspots, physicalHotspots } from './layer-hotspots';

/**
 * `GET /api/hotspots`: Getis-Ord Gi* hot and cold spots of one layer on the
 * H3 grid, every cell of the study area with its value, z, p, class and
 * confidence (rules and formulas in api/docs/hotspots.md). Anonymous callers
 * on the human layer get res <= 8 and no cell with fewer appeals than the
 * minimum; the statistics are computed on all cells.
 */
export function registerHotspotsRoutes(app: FastifyTypeBox, context: AppContext): void {
  app.get('/api/hotspots', { schema: { querystring: HotspotsQuery, response: { 200: HotspotsResponse } } }, async (request) => {
    const query = request.query;
    const human = query.layer === 'human';
    if (!human && !query.metric) throw badParameter('metric', 'is required for layer=physical');
    if (human && query.category !== undefined && !findAppealCategory(query.category)) {
      throw badParameter('category', `"${query.category}" is not an appeal category code`);
    }
    const req = resolveAnalysisRequest(query, request, context, human);
    const window = { res: req.res, fromMs: req.fromMs, toMs: req.toMs };
    const analysis = { rings: query.rings, fdr: query.fdr };
    const cells = human
      ? await humanHotspots(context.readDb, query.category, window, analysis)
      : await physicalHotspots(context.readDb, query.metric!, window, analysis);
    return {
      layer: query.layer,
      ...(human ? (query.category ? { category: query.category } : {}) : { metric: query.metric }),
      res: req.res, from: req.from, to: req.to, rings: query.rings, fdr: query.fdr, n: cells.length,
      ...(req.anonymous ? { suppressedBelow: req.minAppeals } : {}),
      cells: req.minAppeals > 1 ? cells.filter((cell) => cell.value >= req.minAppeals) : cells,
    };
  });
}
