import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** Hides the value of an `api_key` query parameter (Open311 clients send keys in the URL). */
export function redactUrl(url: string): string {
  return url.replace(/([?&]api_key=)[^&]*/gi, '$1[redacted]');
}

/**
 * Request logging without secrets or noise: the map polls every few seconds,
 * so successful requests log at debug; failures at error. Keys never reach the log.
 */
export class RequestLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ method: request.method, url: redactUrl(request.url) }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const fields = { method: request.method, url: redactUrl(request.url), statusCode: reply.statusCode, responseTimeMs: reply.elapsedTime };
    if (error) reply.log.error({ ...fields, err: error }, 'request errored');
    else reply.log.debug(fields, 'request completed');
  }
}
