import { Type } from 'typebox';
import { summariseCategoryTrends } from '@citytwin/shared';
import { countCategoriesByArea } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { badParameter } from '../../app/http-error';

const DAY_MS = 86_400_000;
const BASELINE_MS = 28 * DAY_MS;

const TopQuery = Type.Object(
  {
    level: Type.Union([Type.Literal('district'), Type.Literal('street')], { default: 'district' }),
    area: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'one district or street name' })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'default: 7 days before `to`' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'default: now' })),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 5 }),
  },
  { additionalProperties: false },
);

const Trend = Type.Object({ category: Type.String(), count: Type.Integer(), expected: Type.Number(), growth: Type.Number() });

const TopResponse = Type.Object({
  level: Type.String(),
  from: Type.String(),
  to: Type.String(),
  baselineFrom: Type.String(),
  /** For anonymous callers, categories with fewer appeals than this are left out. */
  suppressedBelow: Type.Optional(Type.Integer()),
  areas: Type.Array(Type.Object({ area: Type.String(), total: Type.Integer(), top: Type.Array(Trend), rising: Type.Array(Trend) })),
});

/**
 * `GET /api/appeals/top`: high-frequency common appeals (高频共性诉求) per area
 * and the categories rising fastest against their 4-week baseline. Aggregates
 * only, so anonymous callers may ask; they do not see categories with fewer than k appeals.
 */
export function registerAppealTopRoutes(app: FastifyTypeBox, context: AppContext): void {
  app.get('/api/appeals/top', { schema: { querystring: TopQuery, response: { 200: TopResponse } } }, async (request) => {
    const query = request.query;
    const toMs = query.to ? Date.parse(query.to) : context.clock();
    const fromMs = query.from ? Date.parse(query.from) : toMs - 7 * DAY_MS;
    if (fromMs >= toMs) throw badParameter('from', 'must be before to');
    if (toMs - fromMs > 366 * DAY_MS) throw badParameter('from', 'the window is at most a year');
    const rows = await countCategoriesByArea(context.readDb, query.level, { fromMs, toMs, baselineFromMs: fromMs - BASELINE_MS }, query.area);
    const k = request.caller === 'anonymous' ? (context.config.privacyMinAppeals ?? 3) : 1;
    const areas = summariseCategoryTrends(rows.filter((row) => row.count >= k), toMs - fromMs, BASELINE_MS, query.limit);
    return {
      level: query.level, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), baselineFrom: new Date(fromMs - BASELINE_MS).toISOString(),
      ...(k > 1 ? { suppressedBelow: k } : {}), areas,
    };
  });
}
