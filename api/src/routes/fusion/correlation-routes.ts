import { Type } from 'typebox';
import { alignSteps, bestLag, categoryForMetric, findAppealCategory, laggedCorrelation, METRIC_CODES, spearman } from '@citytwin/shared';
import { findHumanCells, findHumanSteps, findPhysicalStudyArea, findPhysicalSteps } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { badParameter } from '../../app/http-error';
import { StringEnum } from '../../app/string-enum';
import { AnalysisQueryFields, resolveAnalysisRequest } from '../hotspots/analysis-request';

/** Lags of the cross-correlation: 0 to 12 hours. */
export const MAX_LAG_HOURS = 12;

const CorrelationQuery = Type.Object(
  {
    metric: StringEnum(METRIC_CODES),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "appeal category; default: the metric's paired category" })),
    res: AnalysisQueryFields.res,
    from: AnalysisQueryFields.from,
    to: AnalysisQueryFields.to,
  },
  { additionalProperties: false },
);

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const CorrelationResponse = Type.Object({
  metric: Type.String(),
  category: Type.String(),
  res: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  spatial: Type.Object({ rho: NullableNumber, p: Type.Number(), n: Type.Integer() }),
  lagged: Type.Array(Type.Object({ lagHours: Type.Integer(), r: NullableNumber, n: Type.Integer() })),
  bestLagHours: Type.Union([Type.Integer(), Type.Null()]),
});

const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null);

/**
 * `GET /api/fusion/correlation`: do appeals follow readings? Spearman's rho
 * across the cells where the metric was measured, between each cell's mean
 * reading and its number of appeals (0 where none), and the cross-correlation
 * of the city-wide hourly mean reading with the hourly appeal count, the
 * appeals shifted 0..12 hours later (api/docs/trends.md).
 */
export function registerCorrelationRoutes(app: FastifyTypeBox, context: AppContext): void {
  app.get('/api/fusion/correlation', { schema: { querystring: CorrelationQuery, response: { 200: CorrelationResponse } } }, async (request) => {
    const query = request.query;
    const category = query.category ?? categoryForMetric(query.metric);
    if (!category) throw badParameter('category', `${query.metric} has no paired appeal category; name one`);
    if (!findAppealCategory(category)) throw badParameter('category', `"${category}" is not an appeal category code`);
    const req = resolveAnalysisRequest(query, request, context, false);
    const window = { res: req.res, fromMs: req.fromMs, toMs: req.toMs };
    const [readings, appeals] = await Promise.all([findPhysicalStudyArea(context.readDb, query.metric, window), findHumanCells(context.readDb, window, { category })]);
    const appealsByCell = new Map(appeals.map((cell) => [cell.h3, cell.value]));
    const spatial = spearman(readings.map((cell) => cell.value), readings.map((cell) => appealsByCell.get(cell.h3) ?? 0));

    const grid = { ...alignSteps(req.fromMs, req.toMs, 'hour'), res: req.res, citywide: true };
    const [hourlyReadings, hourlyAppeals] = await Promise.all([findPhysicalSteps(context.readDb, query.metric, grid), findHumanSteps(context.readDb, grid, category)]);
    const x = new Float64Array(grid.steps).fill(Number.NaN);
    for (const row of hourlyReadings) x[row.step] = row.sum / row.count;
    const y = new Float64Array(grid.steps);
    for (const row of hourlyAppeals) y[row.step] = row.count;
    const lagged = laggedCorrelation(x, y, MAX_LAG_HOURS);
    return {
      metric: query.metric, category, res: req.res, from: req.from, to: req.to,
      spatial: { rho: finiteOrNull(spatial.rho), p: spatial.p, n: spatial.n },
      lagged: lagged.map((entry) => ({ lagHours: entry.lag, r: finiteOrNull(entry.r), n: entry.n })),
      bestLagHours: bestLag(lagged),
    };
  });
}
