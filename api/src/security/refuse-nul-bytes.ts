import type { FastifyTypeBox } from '../app/fastify-typebox';
import { HttpError } from '../app/http-error';

function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || holdsNul(inner, depth + 1));
}

/**
 * Refuses a NUL character anywhere in the query, path parameters or body with
 * a 400: Postgres text cannot hold one, so it would otherwise reach the
 * database and fail there as a 500.
 */
export function refuseNulBytes(app: FastifyTypeBox): void {
  app.addHook('preValidation', async (request) => {
    if (holdsNul(request.query) || holdsNul(request.params) || holdsNul(request.body)) {
      throw new HttpError(400, 'CT_ERR_BAD_PARAMETER', 'a parameter holds a NUL character');
    }
  });
}
