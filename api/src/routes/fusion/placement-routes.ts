import { Type } from 'typebox';
import { coveredCells, METRIC_CODES, pickSensorPlacements } from '@citytwin/shared';
import { findHumanCells, findPhysicalStudyArea } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { StringEnum } from '../../app/string-enum';
import { AnalysisQueryFields, resolveAnalysisRequest } from '../hotspots/analysis-request';
import { resolveFusionPair } from './fusion-pair';

const PlacementQuery = Type.Object(
  {
    metric: StringEnum(METRIC_CODES, { description: 'the metric of the new sensors; its paired category gives the appeals' }),
    k: Type.Integer({ minimum: 1, maximum: 100, default: 10, description: 'how many sensors to place' }),
    res: AnalysisQueryFields.res,
    from: AnalysisQueryFields.from,
    to: AnalysisQueryFields.to,
  },
  { additionalProperties: false },
);

const PlacementResponse = Type.Object({
  metric: Type.String(),
  category: Type.String(),
  res: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  /** Anonymous callers: picks covering fewer appeals than this are not listed. */
  suppressedBelow: Type.Optional(Type.Integer()),
  picks: Type.Array(Type.Object({ h3: Type.String(), covers: Type.Integer(), cumulative: Type.Integer() })),
  uncoveredBefore: Type.Integer(),
  uncoveredAfter: Type.Integer(),
});

/**
 * `GET /api/fusion/placement`: the k cells where one new sensor of `metric`
 * (covering its ring-1 disc) would cover the most appeals of the paired
 * category that lie in cells no sensor of the metric covers, picked greedily.
 */
export function registerPlacementRoutes(app: FastifyTypeBox, context: AppContext): void {
  app.get('/api/fusion/placement', { schema: { querystring: PlacementQuery, response: { 200: PlacementResponse } } }, async (request) => {
    const query = request.query;
    const { metric, category } = resolveFusionPair(query.metric, undefined);
    const req = resolveAnalysisRequest(query, request, context, true);
    const window = { res: req.res, fromMs: req.fromMs, toMs: req.toMs };
    const [sensors, appeals] = await Promise.all([findPhysicalStudyArea(context.readDb, metric, window), findHumanCells(context.readDb, window, { category })]);
    const advice = pickSensorPlacements(new Map(appeals.map((cell) => [cell.h3, cell.count])), coveredCells(sensors.map((cell) => cell.h3)), query.k);
    const picks = advice.picks.filter((pick) => pick.covers >= req.minAppeals);
    const covered = picks.at(-1)?.cumulative ?? 0;
    return {
      metric, category, res: req.res, from: req.from, to: req.to,
      ...(req.anonymous ? { suppressedBelow: req.minAppeals } : {}),
      picks, uncoveredBefore: advice.uncoveredBefore, uncoveredAfter: advice.uncoveredBefore - covered,
    };
  });
}
