import { Type } from 'typebox';
import { chronicProblems, monthOf, monthRangeMs, previousMonth } from '@citytwin/shared';
import { countFirstLevelCategoriesByArea } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';

/** A category is chronic in an area when it is among the area's most frequent this many. */
export const CHRONIC_TOP = 3;

const ChronicQuery = Type.Object(
  {
    level: Type.Union([Type.Literal('district'), Type.Literal('street')], { default: 'district' }),
    months: Type.Integer({ minimum: 1, maximum: 24, default: 6, description: 'calendar months in the city\'s time zone, the current one included' }),
  },
  { additionalProperties: false },
);

const ChronicResponse = Type.Object({
  level: Type.String(),
  top: Type.Integer(),
  /** The months counted, oldest first (`YYYY-MM`, the current month last). */
  months: Type.Array(Type.String()),
  /** For anonymous callers, a month's counts below this are not ranked. */
  suppressedBelow: Type.Optional(Type.Integer()),
  areas: Type.Array(Type.Object({
    area: Type.String(),
    categories: Type.Array(Type.Object({ category: Type.String(), monthsInTop: Type.Integer(), months: Type.Array(Type.String()), total: Type.Integer() })),
  })),
});

/**
 * `GET /api/appeals/chronic`: chronic problems (治理堵点难点) per district or
 * street — for each first-level category, in how many of the last `months`
 * calendar months it was among the area's 3 most frequent (高频共性诉求).
 */
export function registerChronicRoutes(app: FastifyTypeBox, context: AppContext): void {
  app.get('/api/appeals/chronic', { schema: { querystring: ChronicQuery, response: { 200: ChronicResponse } } }, async (request) => {
    const { level, months: count } = request.query;
    const timeZone = context.config.city.timeZone;
    const months = [monthOf(context.clock(), timeZone)];
    while (months.length < count) months.unshift(previousMonth(months[0]!));
    const k = request.caller === 'anonymous' ? (context.config.privacyMinAppeals ?? 3) : 1;
    const monthly = await Promise.all(months.map(async (month) => {
      const { fromMs, toMs } = monthRangeMs(month, timeZone);
      const counts = await countFirstLevelCategoriesByArea(context.readDb, level, fromMs, toMs);
      return { month, counts: counts.filter((row) => row.count >= k) };
    }));
    return { level, top: CHRONIC_TOP, months, ...(k > 1 ? { suppressedBelow: k } : {}), areas: chronicProblems(monthly, CHRONIC_TOP) };
  });
}
