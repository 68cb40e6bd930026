import { Type } from 'typebox';
import { findAppealCategory, isMetricCode, METRIC_CODES } from '@citytwin/shared';
import { listAlerts, type StoredAlert } from '@citytwin/store';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { badParameter } from '../../app/http-error';
import { StringEnum } from '../../app/string-enum';
import { evaluateAlerts } from '../../jobs/evaluate-alerts';

const DAY_MS = 86_400_000;
/** The longest range one recompute may re-evaluate. */
const MAX_RECOMPUTE_MS = 92 * DAY_MS;

const AlertsQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: 'alerts whose open span overlaps [from, to); default: no lower bound' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    status: Type.Optional(StringEnum(['open', 'closed'] as const)),
    layer: Type.Optional(StringEnum(['physical', 'human'] as const)),
    metric: Type.Optional(StringEnum(METRIC_CODES)),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'a first-level appeal category' })),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
  },
  { additionalProperties: false },
);

const Alert = Type.Object({
  id: Type.String(),
  layer: Type.String(),
  metric: Type.Optional(Type.String()),
  category: Type.Optional(Type.String()),
  h3: Type.String(),
  status: Type.String(),
  /** Bucket width of the evaluation, seconds (3600 or 300). */
  bucketSeconds: Type.Integer(),
  openedAt: Type.String(),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  peak: Type.Object({ value: Type.Number(), z: Type.Number(), at: Type.String() }),
  baseline: Type.Object({ median: Type.Number(), mad: Type.Number() }),
});

const RecomputeQuery = Type.Object(
  { from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) },
  { additionalProperties: false },
);

const iso = (ms: number) => new Date(ms).toISOString();

/** An alert as the API shows it. */
export function alertView(alert: StoredAlert) {
  return {
    id: alert.id, layer: alert.layer, ...(alert.layer === 'physical' ? { metric: alert.key } : { category: alert.key }), h3: alert.h3,
    status: alert.status, bucketSeconds: alert.bucketS, openedAt: iso(alert.openedAtMs), closedAt: alert.closedAtMs === null ? null : iso(alert.closedAtMs),
    peak: { value: alert.peak.value, z: alert.peak.z, at: iso(alert.peak.atMs) }, baseline: alert.baseline,
  };
}

function parseTime(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw badParameter(name, `"${text}" is not an ISO-8601 time`);
  return ms;
}

/**
 * `GET /api/alerts`: early-warning alerts, newest first; a window selects
 * those whose open span overlaps it. `POST /api/alerts/recompute` (admin)
 * re-evaluates a range of buckets (api/docs/trends.md).
 */
export function registerAlertsRoutes(app: FastifyTypeBox, context: AppContext): void {
  app.get('/api/alerts', { schema: { querystring: AlertsQuery, response: { 200: Type.Object({ alerts: Type.Array(Alert) }) } } }, async (request) => {
    const query = request.query;
    const fromMs = parseTime('from', query.from);
    const toMs = parseTime('to', query.to);
    if (fromMs !== undefined && toMs !== undefined && fromMs >= toMs) throw badParameter('from', 'must be before to');
    if (query.category !== undefined && (!findAppealCategory(query.category) || query.category.includes('.'))) throw badParameter('category', `"${query.category}" is not a first-level appeal category code`);
    if (query.metric !== undefined && !isMetricCode(query.metric)) throw badParameter('metric', `"${query.metric}" is not a metric`);
    const alerts = await listAlerts(context.readDb, {
      ...(fromMs !== undefined ? { fromMs } : {}), ...(toMs !== undefined ? { toMs } : {}),
      ...(query.status ? { status: query.status } : {}), ...(query.layer ? { layer: query.layer } : {}),
      ...(query.metric ? { metric: query.metric } : {}), ...(query.category ? { category: query.category } : {}),
      bucketS: context.config.alerts.bucket === '5m' ? 300 : 3600, limit: query.limit,
    });
    return { alerts: alerts.map(alertView) };
  });

  app.post('/api/alerts/recompute', { schema: { querystring: RecomputeQuery } }, async (request) => {
    const fromMs = parseTime('from', request.query.from)!;
    const toMs = parseTime('to', request.query.to)!;
    if (fromMs >= toMs) throw badParameter('from', 'must be before to');
    if (toMs - fromMs > MAX_RECOMPUTE_MS) throw badParameter('from', `a recompute covers at most ${MAX_RECOMPUTE_MS / DAY_MS} days`);
    const result = context.alertJob
      ? await context.alertJob.recompute(fromMs, toMs)
      : await evaluateAlerts(context.store.db, context.config.alerts, fromMs, toMs);
    return result;
  });
}
