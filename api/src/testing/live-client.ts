import WebSocket from 'ws';
import type { LiveServerMessage } from '@citytwin/shared';

type MessageOf<T extends LiveServerMessage['type']> = Extract<LiveServerMessage, { type: T }>;

/** A test's subscriber of `/api/live`: it keeps every message and waits for the ones a test expects. */
export interface LiveTestClient {
  socket: WebSocket;
  /** Every message received, in order. */
  messages: LiveServerMessage[];
  send(message: unknown): void;
  /** The first message of `type` received from index `after` on that satisfies `match`. */
  next<T extends LiveServerMessage['type']>(type: T, match?: (message: MessageOf<T>) => boolean, options?: { after?: number; timeoutMs?: number }): Promise<MessageOf<T>>;
  close(): Promise<void>;
}

/** Opens a WebSocket to `<httpUrl>/api/live` (optionally with `?api_key=`) and resolves once it is open. */
export async function openLiveClient(httpUrl: string, apiKey?: string): Promise<LiveTestClient> {
  const url = `${httpUrl.replace(/^http/, 'ws')}/api/live${apiKey ? `?api_key=${encodeURIComponent(apiKey)}` : ''}`;
  const socket = new WebSocket(url);
  const messages: LiveServerMessage[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    messages.push(JSON.parse(data.toString()) as LiveServerMessage);
    for (const wake of waiters) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    messages,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next(type, match = () => true, options = {}) {
      const { after = 0, timeoutMs = 15_000 } = options;
      const find = () => messages.slice(after).find((message) => message.type === type && match(message as never)) as MessageOf<typeof type> | undefined;
      return new Promise((resolve, reject) => {
        const wake = () => {
          const found = find();
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${type} message within ${timeoutMs} ms; got ${messages.slice(after).map((message) => message.type).join(', ') || 'nothing'}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        waiters.add(wake);
        wake();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}
