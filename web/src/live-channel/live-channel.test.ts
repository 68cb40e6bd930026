import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { LiveServerMessage, LiveSubscription } from '@citytwin/shared';
import { LiveChannel, type LiveChannelStatus, type LiveSocketLike } from './live-channel';

const SUBSCRIPTION: LiveSubscription = { type: 'subscribe', layers: ['physical'], metric: 'noise_db', res: 8 };
const snapshot = (value: number) => JSON.stringify({ type: 'snapshot', layer: 'physical', res: 8, cells: [{ h3: 'a', value, count: 1 }], asOf: 'x', from: 'x', to: 'x' });

/** A live-channel server for the client's tests: answers each subscribe with a snapshot unless told to stay silent. */
function startServer(port = 0, options: { silentAfterSnapshot?: boolean } = {}): Promise<{ server: WebSocketServer; port: number; subscriptions: unknown[] }> {
  const subscriptions: unknown[] = [];
  return new Promise((resolve) => {
    const server: WebSocketServer = new WebSocketServer({ port, host: '127.0.0.1' }, () => resolve({ server, port: (server.address() as { port: number }).port, subscriptions }));
    server.on('connection', (socket: WebSocket) => {
      socket.on('message', (data: Buffer) => {
        subscriptions.push(JSON.parse(data.toString()));
        socket.send(snapshot(subscriptions.length));
        if (!options.silentAfterSnapshot) socket.send(JSON.stringify({ type: 'heartbeat', asOf: 'x' }));
      });
    });
  });
}

function stopServer(server: WebSocketServer): Promise<void> {
  for (const client of server.clients) client.terminate();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function until(what: string, probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('LiveChannel against a WebSocket server', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function open(port: number, extra: { silenceLimitMs?: number } = {}) {
    const messages: LiveServerMessage[] = [];
    const statuses: LiveChannelStatus[] = [];
    const channel = new LiveChannel({
      url: `ws://127.0.0.1:${port}/api/live`, subscription: SUBSCRIPTION, random: () => 0,
      createSocket: (url) => new WebSocket(url) as unknown as LiveSocketLike,
      onMessage: (message) => messages.push(message), onStatus: (status) => statuses.push(status), ...extra,
    });
    channel.start();
    cleanups.push(() => channel.stop());
    return { channel, messages, statuses };
  }

  it('subscribes, goes stale when the server goes away, reconnects by itself and resyncs from a new snapshot', async () => {
    const first = await startServer();
    const { channel, messages } = open(first.port);
    await until('the first snapshot', () => messages.some((message) => message.type === 'snapshot'));
    expect(first.subscriptions).toEqual([SUBSCRIPTION]);
    expect(channel.status).toMatchObject({ connected: true, stale: false, reconnects: 0 });

    const beforeStop = Date.now();
    await stopServer(first.server);
    await until('the stale status', () => channel.status.stale);
    expect(channel.status.connected).toBe(false);
    expect(channel.status.staleSinceMs).toBeLessThanOrEqual(beforeStop);

    const second = await startServer(first.port);
    cleanups.push(() => stopServer(second.server));
    await until('the resync', () => !channel.status.stale, 20_000);
    expect(second.subscriptions).toEqual([SUBSCRIPTION]);
    expect(channel.status).toMatchObject({ connected: true, stale: false, staleSinceMs: undefined, reconnects: 1 });
  });

  it('treats a silent socket as dead: stale, then a new connection', async () => {
    const silent = await startServer(0, { silentAfterSnapshot: true });
    cleanups.push(() => stopServer(silent.server));
    const { channel, statuses } = open(silent.port, { silenceLimitMs: 300 });
    await until('the first snapshot', () => silent.subscriptions.length === 1);
    await until('a second connection after the silence', () => silent.subscriptions.length >= 2, 10_000);
    expect(statuses.some((status) => status.stale && status.staleSinceMs !== undefined)).toBe(true);
    expect(channel.status.reconnects).toBeGreaterThanOrEqual(1);
  });

  it('sends a new subscription on the open socket, replacing the old one', async () => {
    const server = await startServer();
    cleanups.push(() => stopServer(server.server));
    const { channel } = open(server.port);
    await until('the first subscription', () => server.subscriptions.length === 1);
    const human: LiveSubscription = { type: 'subscribe', layers: ['human'], res: 8, category: 'noise' };
    channel.subscribe(human);
    await until('the second subscription', () => server.subscriptions.length === 2);
    expect(server.subscriptions[1]).toEqual(human);
  });
});
