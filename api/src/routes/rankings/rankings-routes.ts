import { Type } from 'typebox';
import { RATE_WEIGHTS, isMonth, monthOf, monthRangeMs, previousMonth, rankAreasByRates } from '@citytwin/shared';
import { countRatesByArea } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { badParameter } from '../../app/http-error';

const RankingsQuery = Type.Object(
  {
    level: Type.Union([Type.Literal('street'), Type.Literal('district'), Type.Literal('department')]),
    month: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM in the city time zone; default: this month' })),
  },
  { additionalProperties: false },
);

const Nullable = Type.Union([Type.Number(), Type.Null()]);
const Row = Type.Object({
  rank: Type.Union([Type.Integer(), Type.Null()]),
  area: Type.String(),
  received: Type.Integer(),
  responded: Type.Integer(),
  respondedInTime: Type.Integer(),
  resolved: Type.Integer(),
  rated: Type.Integer(),
  satisfied: Type.Integer(),
  basicallySatisfied: Type.Integer(),
  responseRate: Nullable,
  resolutionRate: Nullable,
  satisfactionRate: Nullable,
  score: Nullable,
  previousRank: Type.Union([Type.Integer(), Type.Null()]),
  rankChange: Type.Union([Type.Integer(), Type.Null()]),
  scoreChange: Nullable,
});

const RankingsResponse = Type.Object({
  level: Type.String(),
  month: Type.String(),
  previousMonth: Type.String(),
  timeZone: Type.String(),
  weights: Type.Object({ response: Type.Number(), resolution: Type.Number(), satisfaction: Type.Number() }),
  /** For anonymous callers, areas with fewer appeals than this are left out. */
  suppressedBelow: Type.Optional(Type.Integer()),
  rows: Type.Array(Row),
});

/**
 * `GET /api/rankings?level=street|district|department&month=YYYY-MM`: the
 * three rates per area for appeals received in the month, ranked by score,
 * with the change against the previous month (formulas in api/docs/appeals.md).
 */
export function registerRankingsRoutes(app: FastifyTypeBox, context: AppContext): void {
  const { timeZone } = context.config.city;
  app.get('/api/rankings', { schema: { querystring: RankingsQuery, response: { 200: RankingsResponse } } }, async (request) => {
    const month = request.query.month ?? monthOf(context.clock(), timeZone);
    if (!isMonth(month)) throw badParameter('month', `"${month}" is not YYYY-MM`);
    const before = previousMonth(month);
    const range = monthRangeMs(month, timeZone);
    const previousRange = monthRangeMs(before, timeZone);
    const [current, previous] = await Promise.all([
      countRatesByArea(context.readDb, request.query.level, range.fromMs, range.toMs),
      countRatesByArea(context.readDb, request.query.level, previousRange.fromMs, previousRange.toMs),
    ]);
    const k = request.caller === 'anonymous' ? (context.config.privacyMinAppeals ?? 3) : 1;
    const ranked = rankAreasByRates(current.filter((row) => row.counts.received >= k), previous.filter((row) => row.counts.received >= k));
    return {
      level: request.query.level, month, previousMonth: before, timeZone, weights: { ...RATE_WEIGHTS },
      ...(k > 1 ? { suppressedBelow: k } : {}),
      rows: ranked.map((row) => ({ rank: row.rank, area: row.area, ...row.counts, ...row.rates, previousRank: row.previousRank, rankChange: row.rankChange, scoreChange: row.scoreChange })),
    };
  });
}
