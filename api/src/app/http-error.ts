import type { ErrorCode } from '@citytwin/shared';

/** An error that becomes an HTTP response with a stable code (never a 5xx with internals). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    /** The request parameter at fault, for 400s. */
    readonly parameter?: string,
  ) {
    super(message);
  }
}

/** A 400 naming the parameter and the value that was refused. */
export function badParameter(parameter: string, message: string): HttpError {
  return new HttpError(400, 'CT_ERR_BAD_PARAMETER', `${parameter}: ${message}`, parameter);
}
