import websocket from '@fastify/websocket';
import { ERROR_CODES, type LiveError } from '@citytwin/shared';
import type { AppContext } from '../../app/app-context';
import type { FastifyTypeBox } from '../../app/fastify-typebox';
import { ANONYMOUS_MAX_HUMAN_RES, DEFAULT_MIN_APPEALS_PER_CELL } from '../cells/cells-routes';
import { LiveHub } from './live-hub';
import { LiveSession } from './live-session';
import { parseSubscription } from './live-subscription';

/** Bytes a socket may have waiting unsent before its messages are dropped (then resynced). */
export const DEFAULT_LIVE_BUFFER_CAP_BYTES = 4 * 1024 * 1024;
/** Largest frame a client may send; a subscription is a few hundred bytes. */
const MAX_CLIENT_FRAME_BYTES = 16 * 1024;

function errorMessage(field: string, message: string, code: string = ERROR_CODES.badParameter): LiveError {
  return { type: 'error', code, field, message };
}

/**
 * `GET /api/live`: the live channel, a WebSocket. The client sends a
 * `subscribe` message; the server answers with a snapshot per layer, then
 * pushes deltas, alerts, counters, fleet health and heartbeats
 * (api/docs/live.md). Anonymous subscribers get the `/api/cells` privacy rules.
 */
export async function registerLiveRoutes(app: FastifyTypeBox, context: AppContext): Promise<void> {
  const bufferCapBytes = context.config.liveBufferCapBytes ?? DEFAULT_LIVE_BUFFER_CAP_BYTES;
  const logger = context.logger.child({ part: 'live' });
  const hub = new LiveHub({
    listenDb: context.store.db, readDb: context.readDb, logger, clock: context.clock, timeZone: context.config.city.timeZone,
    anonymousMaxHumanRes: ANONYMOUS_MAX_HUMAN_RES, anonymousMinAppeals: context.config.privacyMinAppeals ?? DEFAULT_MIN_APPEALS_PER_CELL,
    alertBucketS: context.config.alerts.bucket === '5m' ? 300 : 3600,
  });
  await hub.start();
  app.addHook('onClose', () => hub.stop());
  await app.register(websocket, { options: { maxPayload: MAX_CLIENT_FRAME_BYTES } });

  app.get('/api/live', { websocket: true }, (socket, request) => {
    const session = new LiveSession(socket, request.caller === 'anonymous', bufferCapBytes);
    hub.add(session);
    socket.on('close', () => hub.remove(session));
    socket.on('error', (error) => request.log.debug({ err: error }, 'live socket error'));
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        session.send(errorMessage('message', 'message: binary frames are not understood; send JSON text'));
        return;
      }
      let decoded: unknown;
      try {
        decoded = JSON.parse(data.toString());
      } catch {
        session.send(errorMessage('message', 'message: is not JSON'));
        return;
      }
      const parsed = parseSubscription(decoded, context.config.baseResolution);
      if (!parsed.ok) {
        session.send(errorMessage(parsed.refusal.field, parsed.refusal.message, parsed.refusal.code));
        return;
      }
      hub.subscribe(session, parsed.subscription).catch((error: unknown) => {
        request.log.warn({ err: error }, 'live channel: a subscription could not be served');
        session.send(errorMessage('store', 'store: the data cannot be read right now; reconnect later', ERROR_CODES.storeUnavailable));
        socket.close(1011, 'store unavailable');
      });
    });
  });
}
