import type { FastifyError, FastifyRequest } from 'fastify';
import type { FastifyTypeBox } from './fastify-typebox';
import { ERROR_CODES } from '@citytwin/shared';
import { HttpError } from './http-error';

/** The body of every error response. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  error: string;
  message: string;
  parameter?: string;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict',
  413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

function parameterOf(error: FastifyError): string | undefined {
  const issue = error.validation?.[0];
  if (!issue) return undefined;
  const params = issue.params as { missingProperty?: string; additionalProperty?: string } | undefined;
  if (params?.missingProperty) return params.missingProperty;
  if (params?.additionalProperty) return params.additionalProperty;
  const path = issue.instancePath.replace(/^\//, '').split('/')[0];
  return path || undefined;
}

function validationMessage(error: FastifyError, parameter: string | undefined, input: unknown): string {
  const issue = error.validation?.[0];
  if (!issue || !parameter) return error.message;
  const params = issue.params as { allowedValues?: unknown[]; additionalProperty?: string } | undefined;
  if (params?.additionalProperty) return `${parameter}: unknown parameter`;
  const value = (input as Record<string, unknown> | undefined)?.[parameter];
  const got = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
  const allowed = params?.allowedValues ? `: ${params.allowedValues.join(', ')}` : '';
  return `${parameter}: ${issue.message ?? 'is invalid'}${allowed}${got}`;
}

function bodyFor(error: FastifyError | HttpError, request: FastifyRequest): ErrorBody {
  if (error instanceof HttpError) {
    return { statusCode: error.statusCode, code: error.code, error: STATUS_TEXT[error.statusCode] ?? 'Error', message: error.message, ...(error.parameter ? { parameter: error.parameter } : {}) };
  }
  if (error.validation) {
    const parameter = parameterOf(error);
    const input = error.validationContext === 'body' ? request.body : error.validationContext === 'params' ? request.params : request.query;
    const message = validationMessage(error, parameter, input);
    return { statusCode: 400, code: ERROR_CODES.badParameter, error: 'Bad Request', message, ...(parameter ? { parameter } : {}) };
  }
  const status = error.statusCode ?? 500;
  if (status >= 500) return { statusCode: status, code: ERROR_CODES.internal, error: STATUS_TEXT[status] ?? 'Error', message: 'internal error; see the server log' };
  const code = status === 413 ? ERROR_CODES.payloadTooLarge : status === 415 ? ERROR_CODES.unsupportedMediaType : error.code ?? 'CT_ERR_REQUEST';
  return { statusCode: status, code, error: STATUS_TEXT[status] ?? 'Error', message: error.message };
}

/** Maps validation failures to 400s that name the parameter, and hides internals of 5xx. */
export function installErrorHandler(app: FastifyTypeBox): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const body = bodyFor(error, request);
    if (body.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.code, parameter: body.parameter }, 'request refused');
    void reply.status(body.statusCode).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ statusCode: 404, code: ERROR_CODES.notFound, error: 'Not Found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
}
