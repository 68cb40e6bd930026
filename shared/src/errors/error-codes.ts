/**
 * Stable error codes. Clients and tests match on these, never on message text.
 */
export const ERROR_CODES = {
  badParameter: 'CT_ERR_BAD_PARAMETER',
  badH3: 'CT_ERR_BAD_H3',
  resolutionTooFine: 'CT_ERR_RESOLUTION_TOO_FINE',
  notFound: 'CT_ERR_NOT_FOUND',
  unauthorized: 'CT_ERR_UNAUTHORIZED',
  forbidden: 'CT_ERR_FORBIDDEN',
  conflict: 'CT_ERR_CONFLICT',
  illegalTransition: 'CT_ERR_ILLEGAL_TRANSITION',
  internal: 'CT_ERR_INTERNAL',
  storeUnavailable: 'CT_ERR_STORE_UNAVAILABLE',
  badAreas: 'CT_ERR_BAD_AREAS',
  rateLimited: 'CT_ERR_RATE_LIMITED',
  payloadTooLarge: 'CT_ERR_PAYLOAD_TOO_LARGE',
  unsupportedMediaType: 'CT_ERR_UNSUPPORTED_MEDIA_TYPE',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
