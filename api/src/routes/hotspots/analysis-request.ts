import { Type } from 'typebox';
import { CONFIDENCE_LEVELS, MAX_SERVED_RESOLUTION, MIN_SERVED_RESOLUTION, type Confidence } from '@citytwin/shared';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/app-context';
import { HttpError } from '../../app/http-error';
import { ANONYMOUS_MAX_HUMAN_RES, DEFAULT_MIN_APPEALS_PER_CELL } from '../cells/cells-routes';
import { resolveWindow } from '../cells/cells-window';

/** Query fields every hotspot and fusion route shares. */
export const AnalysisQueryFields = {
  res: Type.Integer({ minimum: MIN_SERVED_RESOLUTION, maximum: MAX_SERVED_RESOLUTION, default: 8, description: 'H3 resolution of the cells' }),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'window start (inclusive); default: 24 h before `to`' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'window end (exclusive); default: now' })),
  rings: Type.Integer({ minimum: 1, maximum: 3, default: 1, description: 'Gi* neighbourhood: the gridDisk of this radius' }),
};

/** `confidence=90|95|99` as an integer enum, so a refusal lists the three. */
export const ConfidenceQuery = Type.Unsafe<Confidence>({ type: 'integer', enum: [...CONFIDENCE_LEVELS], default: 95, description: 'minimum confidence of a problem, percent' });

/** A request's window and resolution, with the privacy rules that apply to its caller. */
export interface AnalysisRequest {
  res: number;
  fromMs: number;
  toMs: number;
  from: string;
  to: string;
  anonymous: boolean;
  /** Appeal counts below this are never shown to this caller (1 = show all). */
  minAppeals: number;
}

/**
 * Resolves the shared query fields: the window (last 24 h by default), a
 * resolution no finer than the stored one, and for anonymous callers on the
 * human layer the `/api/cells` privacy rules (res at most 8, counts below the
 * minimum never shown).
 */
export function resolveAnalysisRequest(
  query: { res: number; from?: string | undefined; to?: string | undefined },
  request: FastifyRequest,
  context: AppContext,
  humanLayer: boolean,
): AnalysisRequest {
  const { fromMs, toMs } = resolveWindow(query.from, query.to, context.clock());
  if (query.res > context.config.baseResolution) {
    throw new HttpError(400, 'CT_ERR_RESOLUTION_TOO_FINE', `res: ${query.res} is finer than the stored base resolution ${context.config.baseResolution}`, 'res');
  }
  const anonymous = humanLayer && request.caller === 'anonymous';
  return {
    res: anonymous ? Math.min(query.res, ANONYMOUS_MAX_HUMAN_RES) : query.res,
    fromMs, toMs,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    anonymous,
    minAppeals: anonymous ? (context.config.privacyMinAppeals ?? DEFAULT_MIN_APPEALS_PER_CELL) : 1,
  };
}
