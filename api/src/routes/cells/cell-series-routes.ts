import { Type } from 'typebox';
import { alignSteps, cellResolution, findAppealCategory, isCell, MAD_TO_SIGMA, METRIC_CODES, minBaselineSamples, seasonalBaseline, type RobustBaseline, type StepGridSpan } from '@citytwin/shared';
import { findHumanSteps, findPhysicalSteps } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { HttpError, badParameter } from '../../app/http-error';
import { StringEnum } from '../../app/string-enum';
import { ANONYMOUS_MAX_HUMAN_RES, DEFAULT_MIN_APPEALS_PER_CELL } from './cells-routes';
import { resolveWindow } from './cells-window';

const WEEK_MS = 7 * 86_400_000;
/** Most points one series answers (a year of hours). */
const MAX_POINTS = 24 * 366;

const SeriesParams = Type.Object({ h3: Type.String({ minLength: 1, maxLength: 20, description: 'an H3 cell at the base resolution or coarser' }) });
const SeriesQuery = Type.Object(
  {
    metric: Type.Optional(StringEnum(METRIC_CODES, { description: 'the physical signal; default: none' })),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'appeal category; default: every appeal' })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'default: 7 days before `to`' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'default: now' })),
    step: StringEnum(['hour', 'day'] as const, { default: 'hour' }),
  },
  { additionalProperties: false },
);

const Band = Type.Union([Type.Object({ median: Type.Number(), mad: Type.Number(), low: Type.Number(), high: Type.Number() }), Type.Null()]);
const SeriesResponse = Type.Object({
  h3: Type.String(),
  res: Type.Integer(),
  step: Type.String(),
  from: Type.String(),
  to: Type.String(),
  metric: Type.Optional(Type.String()),
  category: Type.Optional(Type.String()),
  baselineWeeks: Type.Integer(),
  z: Type.Number(),
  /** Anonymous callers: appeal counts below this are null. */
  suppressedBelow: Type.Optional(Type.Integer()),
  points: Type.Array(Type.Object({
    at: Type.String(),
    /** Mean reading of the step (null: none), and how many readings. */
    value: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    readings: Type.Optional(Type.Integer()),
    appeals: Type.Union([Type.Integer(), Type.Null()]),
    valueBaseline: Type.Optional(Band),
    appealsBaseline: Type.Union([Band, Type.Null()]),
  })),
});

/** The band median ± z · 1.4826 · MAD (null without a baseline). */
function band(baseline: RobustBaseline | null, z: number) {
  if (!baseline) return null;
  const spread = z * MAD_TO_SIGMA * baseline.mad;
  return { median: baseline.median, mad: baseline.mad, low: baseline.median - spread, high: baseline.median + spread };
}

/**
 * `GET /api/cells/:h3/series`: one cell's hourly (or daily) series of both
 * signals — the metric's mean reading and the appeal count — each with its
 * seasonal baseline band: the median of the same hour (day) of the week in
 * the previous ALERT_BASELINE_WEEKS weeks ± ALERT_Z robust standard
 * deviations, the band outside which the alert job calls a bucket abnormal.
 */
export function registerCellSeriesRoutes(app: FastifyTypeBox, context: AppContext): void {
  app.get('/api/cells/:h3/series', { schema: { params: SeriesParams, querystring: SeriesQuery, response: { 200: SeriesResponse } } }, async (request) => {
    const { h3 } = request.params;
    const query = request.query;
    if (!isCell(h3) || cellResolution(h3) > context.config.baseResolution) {
      throw new HttpError(400, 'CT_ERR_BAD_H3', `h3: "${h3}" is not an H3 cell of resolution <= ${context.config.baseResolution}`, 'h3');
    }
    if (query.category !== undefined && !findAppealCategory(query.category)) throw badParameter('category', `"${query.category}" is not an appeal category code`);
    const { fromMs, toMs } = resolveWindow(query.from ?? (query.to ? new Date(Date.parse(query.to) - WEEK_MS).toISOString() : new Date(context.clock() - WEEK_MS).toISOString()), query.to, context.clock());
    const shown = alignSteps(fromMs, toMs, query.step);
    if (shown.steps > MAX_POINTS) throw badParameter('from', `${shown.steps} steps exceed the limit of ${MAX_POINTS}`);
    const { baselineWeeks, z } = context.config.alerts;
    const period = WEEK_MS / shown.stepMs;
    const full: StepGridSpan = { originMs: shown.originMs - baselineWeeks * WEEK_MS, stepMs: shown.stepMs, steps: shown.steps + baselineWeeks * period };
    const res = cellResolution(h3);
    const grid = { ...full, res, cell: h3 };
    const anonymous = request.caller === 'anonymous';
    const minAppeals = anonymous ? (context.config.privacyMinAppeals ?? DEFAULT_MIN_APPEALS_PER_CELL) : 1;
    const appealsHidden = anonymous && res > ANONYMOUS_MAX_HUMAN_RES;
    const [readingRows, appealRows] = await Promise.all([
      query.metric ? findPhysicalSteps(context.readDb, query.metric, grid) : Promise.resolve([]),
      appealsHidden ? Promise.resolve([]) : findHumanSteps(context.readDb, grid, query.category),
    ]);
    const means = new Float64Array(full.steps).fill(Number.NaN);
    const counts = new Float64Array(full.steps).fill(Number.NaN);
    for (const row of readingRows) means[row.step] = row.sum / row.count;
    const readingCounts = new Map(readingRows.map((row) => [row.step, row.count]));
    // Appeals: every step of the baseline is observed (0 where none came in).
    counts.fill(0);
    for (const row of appealRows) counts[row.step] = row.count;
    const offset = baselineWeeks * period;
    const minSamples = minBaselineSamples(baselineWeeks);
    const points = Array.from({ length: shown.steps }, (_, k) => {
      const index = offset + k;
      const appeals = appealsHidden ? null : counts[index]!;
      return {
        at: new Date(shown.originMs + k * shown.stepMs).toISOString(),
        ...(query.metric ? {
          value: Number.isFinite(means[index]) ? means[index]! : null,
          readings: readingCounts.get(index) ?? 0,
          valueBaseline: band(seasonalBaseline(means, index, period, baselineWeeks, minSamples), z),
        } : {}),
        appeals: appeals !== null && appeals < minAppeals && minAppeals > 1 ? null : appeals,
        appealsBaseline: appealsHidden ? null : band(seasonalBaseline(counts, index, period, baselineWeeks, minSamples), z),
      };
    });
    return {
      h3, res, step: query.step, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(),
      ...(query.metric ? { metric: query.metric } : {}), ...(query.category ? { category: query.category } : {}),
      baselineWeeks, z, ...(anonymous ? { suppressedBelow: minAppeals } : {}), points,
    };
  });
}
