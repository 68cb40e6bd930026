import { Type } from 'typebox';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';

const WhoamiResponse = Type.Object({
  /** `anonymous` without a key; an unknown key never gets here (401). */
  role: Type.String(),
});

/**
 * `GET /api/whoami`: the role of the caller's key, so a sign-in form can say
 * whom it signed in and the page asks only for what that role may see.
 */
export function registerWhoamiRoutes(app: FastifyTypeBox, _context: AppContext): void {
  app.get('/api/whoami', { schema: { response: { 200: WhoamiResponse } } }, async (request) => ({ role: request.caller }));
}
