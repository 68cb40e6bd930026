import { alignSteps, analyseEmergingHotspots, findAppealCategory, STEP_MS, stepStarts } from '@citytwin/shared';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { badParameter } from '../../app/http-error';
import { resolveAnalysisRequest } from '../hotspots/analysis-request';
import { CubeTooLargeError, humanCube, MAX_CUBE_BINS, physicalCube } from './trend-cube';
import { TrendHotspotsQuery, TrendHotspotsResponse } from './trends-schema';

/** Steps in the default window. */
const DEFAULT_STEPS = 30;

/**
 * `GET /api/trends/hotspots`: Emerging Hot Spot Analysis (ArcGIS Pro's
 * definitions) of one layer on a space-time cube of cells x steps: each
 * cell's pattern, the Mann-Kendall trend of its Gi* z-scores and the z of
 * every step (api/docs/trends.md). A cube of more than 2 million bins is a
 * 400 naming `from` (the window) with the limit.
 */
export function registerTrendsRoutes(app: FastifyTypeBox, context: AppContext): void {
  app.get('/api/trends/hotspots', { schema: { querystring: TrendHotspotsQuery, response: { 200: TrendHotspotsResponse } } }, async (request) => {
    const query = request.query;
    const human = query.layer === 'human';
    if (!human && !query.metric) throw badParameter('metric', 'is required for layer=physical');
    if (human && query.category !== undefined && !findAppealCategory(query.category)) {
      throw badParameter('category', `"${query.category}" is not an appeal category code`);
    }
    const toMs = query.to === undefined ? context.clock() : Date.parse(query.to);
    const from = query.from ?? new Date(toMs - DEFAULT_STEPS * STEP_MS[query.step]).toISOString();
    const req = resolveAnalysisRequest({ res: query.res, from, to: new Date(toMs).toISOString() }, request, context, human);
    const grid = alignSteps(req.fromMs, req.toMs, query.step);
    let cube;
    try {
      cube = human
        ? await humanCube(context.readDb, query.category, req.res, query.rings, grid)
        : await physicalCube(context.readDb, query.metric!, req.res, grid);
    } catch (error) {
      if (error instanceof CubeTooLargeError) throw badParameter('from', `${error.message}: ask for fewer steps (a shorter window or a longer step) or a coarser res; at most ${MAX_CUBE_BINS} bins`);
      throw error;
    }
    const cells = analyseEmergingHotspots(cube, { rings: query.rings, timeLag: query.timeLag });
    return {
      layer: query.layer,
      ...(human ? (query.category ? { category: query.category } : {}) : { metric: query.metric }),
      res: req.res, step: query.step, from: req.from, to: req.to, rings: query.rings, timeLag: query.timeLag,
      steps: stepStarts(grid), cells,
    };
  });
}
