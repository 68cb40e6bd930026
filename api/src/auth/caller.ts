import type { FastifyRequest } from 'fastify';
import type { FastifyTypeBox } from '../app/fastify-typebox';
import { HttpError } from '../app/http-error';
import type { KeyHolder } from './key-resolver';
import type { Caller, Role } from './roles';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling: the role of the API key, or `anonymous`. */
    caller: Caller;
    /** The public id of the caller's key (what its rate limit is counted under), or undefined when anonymous. */
    callerKeyId: string | undefined;
  }
}

function keyOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const query = request.query as Record<string, unknown> | undefined;
  const body = request.body as Record<string, unknown> | undefined;
  const key = query?.['api_key'] ?? (body && typeof body === 'object' ? body['api_key'] : undefined);
  return typeof key === 'string' ? key : undefined;
}

/**
 * Resolves `request.caller` from `Authorization: Bearer <key>` (or an Open311
 * `api_key` parameter). A key that is present but unknown is refused with 401.
 */
export function installCallerResolution(app: FastifyTypeBox, resolveKey: (key: string) => Promise<KeyHolder | undefined>): void {
  app.decorateRequest('caller', 'anonymous');
  app.decorateRequest('callerKeyId', undefined);
  app.addHook('preValidation', async (request) => {
    const key = keyOf(request);
    if (key === undefined) return;
    const holder = await resolveKey(key);
    if (!holder) throw new HttpError(401, 'CT_ERR_UNAUTHORIZED', 'unknown or revoked API key');
    request.caller = holder.role;
    request.callerKeyId = holder.keyId;
  });
}

/** Throws 401/403 unless the caller has one of `roles`. */
export function requireRole(request: FastifyRequest, roles: readonly Role[]): void {
  if (request.caller === 'anonymous') throw new HttpError(401, 'CT_ERR_UNAUTHORIZED', 'this needs an API key (Authorization: Bearer <key>)');
  if (!roles.includes(request.caller)) throw new HttpError(403, 'CT_ERR_FORBIDDEN', `role ${request.caller} may not do this; needs ${roles.join(' or ')}`);
}
