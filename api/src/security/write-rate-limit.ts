import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { FastifyTypeBox } from '../app/fastify-typebox';
import { HttpError } from '../app/http-error';
import type { ApiConfig } from '../config/config';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Limits every write (any method but GET, HEAD, OPTIONS; Open311 POST
 * included): anonymous callers per IP, keyed callers per key, over one minute.
 * Counted after the caller is known (preValidation), so a key's limit follows
 * the key across addresses. Over the limit: 429 `CT_ERR_RATE_LIMITED` with `Retry-After` (seconds).
 */
export async function installWriteRateLimit(app: FastifyTypeBox, limits: ApiConfig['rateLimit']): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    hook: 'preValidation',
    timeWindow: 60_000,
    allowList: (request: FastifyRequest) => SAFE_METHODS.has(request.method),
    keyGenerator: (request: FastifyRequest) => (request.callerKeyId ? `key:${request.callerKeyId}` : `ip:${request.ip}`),
    max: (request: FastifyRequest) => (request.callerKeyId ? limits.keyedPerMinute : limits.anonymousPerMinute),
    errorResponseBuilder: (request, context) =>
      new HttpError(429, 'CT_ERR_RATE_LIMITED', `more than ${context.max} writes a minute ${request.callerKeyId ? 'with this key' : 'from this address'}; retry in ${context.after}`),
  });
}
