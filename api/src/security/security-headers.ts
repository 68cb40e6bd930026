import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyTypeBox } from '../app/fastify-typebox';
import { contentSecurityPolicyFor } from './content-security-policy';

/**
 * Security headers on every response (helmet: CSP, HSTS, nosniff,
 * frame-ancestors none, no referrer across origins), and CORS closed unless
 * `CORS_ORIGINS` names the browser origins that may call the API.
 * `upgrade-insecure-requests` is left out: a city may serve the dashboard over
 * plain HTTP inside its own network.
 */
export async function installSecurityHeaders(app: FastifyTypeBox, corsOrigins: readonly string[], remoteBasemapUrl?: string): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicyFor(remoteBasemapUrl) },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
  if (corsOrigins.length > 0) {
    await app.register(cors, { origin: [...corsOrigins], methods: ['GET', 'HEAD', 'POST'], allowedHeaders: ['authorization', 'content-type'], maxAge: 600 });
  }
}
