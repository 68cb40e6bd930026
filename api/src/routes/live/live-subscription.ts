import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { ERROR_CODES, findAppealCategory, isMetricCode, MIN_SERVED_RESOLUTION, type Layer, type MetricCode } from '@citytwin/shared';
import { StringEnum } from '../../app/string-enum';

/** The `subscribe` message as a schema: what a client may send on `/api/live`. */
export const SubscribeMessage = Type.Object(
  {
    type: Type.Literal('subscribe'),
    layers: Type.Array(StringEnum(['physical', 'human'] as const), { minItems: 1, maxItems: 2, uniqueItems: true }),
    metric: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    res: Type.Integer({ minimum: MIN_SERVED_RESOLUTION, maximum: 15 }),
    bbox: Type.Optional(Type.Array(Type.Number(), { minItems: 4, maxItems: 4 })),
  },
  { additionalProperties: false },
);
export type SubscribeMessage = Static<typeof SubscribeMessage>;

/** A subscription the server accepted, with the caller's view applied. */
export interface Subscription {
  layers: Layer[];
  metric: MetricCode | undefined;
  category: string | undefined;
  /** Resolution asked for; the human layer of an anonymous subscriber is served at res <= 8. */
  res: number;
  bbox: [west: number, south: number, east: number, north: number] | undefined;
}

/** Why a message was refused: the field at fault and a stable code. */
export interface SubscriptionRefusal {
  code: string;
  field: string;
  message: string;
}

export type ParsedSubscription = { ok: true; subscription: Subscription } | { ok: false; refusal: SubscriptionRefusal };

const refuse = (field: string, message: string, code: string = ERROR_CODES.badParameter): ParsedSubscription => ({ ok: false, refusal: { code, field, message: `${field}: ${message}` } });

function schemaRefusal(message: unknown): ParsedSubscription {
  const [issue] = Value.Errors(SubscribeMessage, message);
  if (!issue) return refuse('message', 'is not a subscribe message');
  const params = issue.params as { additionalProperties?: string[]; requiredProperties?: string[] };
  const field = params.additionalProperties?.[0] ?? params.requiredProperties?.[0] ?? (issue.instancePath.split('/')[1] || 'message');
  if (params.additionalProperties) return refuse(field, 'unknown field');
  const value = (message as Record<string, unknown>)[field];
  return refuse(field, `${issue.message}${value === undefined ? '' : ` (got ${JSON.stringify(value)?.slice(0, 80)})`}`);
}

/**
 * Checks a decoded client message against {@link SubscribeMessage} and the
 * server's limits; a refusal names the first field at fault.
 * @example parseSubscription({ type: 'subscribe', layers: ['human'], res: 8 }, 9).ok // true
 */
export function parseSubscription(message: unknown, baseResolution: number): ParsedSubscription {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return refuse('message', 'must be a JSON object');
  if ((message as { type?: unknown }).type !== 'subscribe') return refuse('type', `must be "subscribe" (got ${JSON.stringify((message as { type?: unknown }).type) ?? 'nothing'})`);
  if (!Value.Check(SubscribeMessage, message)) return schemaRefusal(message);
  const { layers, metric, category, res, bbox } = message;
  if (res > baseResolution) return refuse('res', `${res} is finer than the stored base resolution ${baseResolution}`, ERROR_CODES.resolutionTooFine);
  if (layers.includes('physical') && metric === undefined) return refuse('metric', 'is required when the physical layer is subscribed');
  if (metric !== undefined && !isMetricCode(metric)) return refuse('metric', `"${metric}" is not a metric code`);
  if (category !== undefined && !findAppealCategory(category)) return refuse('category', `"${category}" is not an appeal category code`);
  if (bbox) {
    const [west, south, east, north] = bbox as [number, number, number, number];
    const inRange = Math.abs(west) <= 180 && Math.abs(east) <= 180 && Math.abs(south) <= 90 && Math.abs(north) <= 90;
    if (!inRange || !(west < east) || !(south < north)) return refuse('bbox', 'must be [west, south, east, north] in degrees with west < east and south < north');
  }
  return {
    ok: true,
    subscription: {
      layers: [...layers], metric: metric as MetricCode | undefined, category, res,
      bbox: bbox as Subscription['bbox'],
    },
  };
}
