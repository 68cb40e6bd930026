import type { FastifyError } from 'fastify';
import { HttpError } from '../../app/http-error';
import type { FastifyTypeBox } from '../../app/fastify-typebox';

/** A GeoReport v2 error: the spec answers with an array of these. */
export class Open311Error extends Error {
  constructor(readonly statusCode: 400 | 403 | 404, message: string) {
    super(message);
  }
}

/**
 * Errors inside /open311/v2 in the spec's shape, `[{"code": 403, "description": "..."}]`.
 * A missing or unknown api_key is 403 there (the rest of the API says 401).
 */
export function installOpen311ErrorHandler(app: FastifyTypeBox): void {
  app.setErrorHandler((error: FastifyError | HttpError | Open311Error, request, reply) => {
    let code: number;
    if (error instanceof Open311Error) code = error.statusCode;
    else if (error instanceof HttpError) code = error.statusCode === 401 ? 403 : error.statusCode;
    else if ((error as FastifyError).validation) code = 400;
    else code = (error as FastifyError).statusCode ?? 500;
    if (code >= 500) request.log.error({ err: error }, 'open311 request failed');
    const description = code >= 500 ? 'internal error; see the server log' : code === 403 && !(error instanceof Open311Error) ? 'api_key is missing or invalid' : error.message;
    void reply.status(code).send([{ code, description }]);
  });
}
