import { fuseHotspots, METRICS } from '@citytwin/shared';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { resolveAnalysisRequest } from '../hotspots/analysis-request';
import { humanHotspots, physicalHotspots } from '../hotspots/layer-hotspots';
import { resolveFusionPair } from './fusion-pair';
import { FusionQuery, FusionResponse } from './fusion-schema';

/**
 * `GET /api/fusion`: both layers' hot spots (FDR-corrected Gi*) fused cell by
 * cell into confirmed / blind_spot / silent_risk / none, with coverage by the
 * metric's sensors (rules in api/docs/hotspots.md). Anonymous callers get
 * res <= 8 and no appeal count below the minimum (null instead).
 */
export function registerFusionRoutes(app: FastifyTypeBox, context: AppContext): void {
  app.get('/api/fusion', { schema: { querystring: FusionQuery, response: { 200: FusionResponse } } }, async (request) => {
    const query = request.query;
    const { metric, category } = resolveFusionPair(query.metric, query.category);
    const req = resolveAnalysisRequest(query, request, context, true);
    const window = { res: req.res, fromMs: req.fromMs, toMs: req.toMs };
    const analysis = { rings: query.rings, fdr: true };
    const physical = await physicalHotspots(context.readDb, metric, window, analysis);
    const human = await humanHotspots(context.readDb, category, window, analysis, physical.map((cell) => cell.h3));
    const fused = fuseHotspots({ human, physical, higherIsWorse: METRICS[metric].higherIsWorse, confidence: query.confidence });
    const cells = req.minAppeals > 1
      ? fused.cells.map((cell) => (cell.human.value >= req.minAppeals ? cell : { ...cell, human: { ...cell.human, value: null } }))
      : fused.cells;
    return {
      metric, category, res: req.res, from: req.from, to: req.to, rings: query.rings, confidence: query.confidence,
      ...(req.anonymous ? { suppressedBelow: req.minAppeals } : {}),
      cells, summary: fused.summary,
    };
  });
}
