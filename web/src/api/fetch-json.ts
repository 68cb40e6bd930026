import { authorizationHeaders } from '../auth/session-key';

/** A failed api call, with the CT_ERR_* code the api sent when there was one; the message is short enough for the status line. */
export class ApiRequestError extends Error {
  constructor(
    readonly url: string,
    message: string,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * GETs a JSON document from the api, with the signed-in key when there is
 * one; throws ApiRequestError on a non-2xx answer or a network failure.
 */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json', ...authorizationHeaders() }, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError(url, 'network error', 0, undefined);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string };
    throw new ApiRequestError(url, `HTTP ${response.status}${body.code ? ` ${body.code}` : ''}`, response.status, body.code);
  }
  return (await response.json()) as T;
}
