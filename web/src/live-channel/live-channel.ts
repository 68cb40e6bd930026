import { LIVE_HEARTBEAT_INTERVAL_MS, type LiveServerMessage, type LiveSubscription } from '@citytwin/shared';
import { reconnectDelayMs } from './reconnect-backoff';

/** The part of a browser WebSocket the channel uses (the `ws` package's client has the same shape). */
export interface LiveSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** Where the channel stands, for the stale badge. */
export interface LiveChannelStatus {
  /** The socket is open. */
  connected: boolean;
  /** The data shown may be out of date: the channel is down or silent, or has not resynced yet. */
  stale: boolean;
  /** Epoch ms (client clock) of the last message before the channel went stale. */
  staleSinceMs: number | undefined;
  /** Connections opened after the first one. */
  reconnects: number;
}

export interface LiveChannelOptions {
  /** `ws(s)://host/api/live[?api_key=...]`. */
  url: string;
  subscription: LiveSubscription;
  onMessage(message: LiveServerMessage): void;
  onStatus?(status: LiveChannelStatus): void;
  createSocket?(url: string): LiveSocketLike;
  /** Silence longer than this (no heartbeat) counts as a dead channel: default 2.5 heartbeats. */
  silenceLimitMs?: number;
  now?(): number;
  random?(): number;
}

const OPEN = 1;

/**
 * The client of `/api/live`: connects, subscribes, hands every message on,
 * and never gives up: a closed or silent socket is replaced after a backoff
 * (0.5 s doubling to 4 s, jittered), and the subscription is sent again on each new
 * socket, so the server's snapshot resyncs the page without a reload.
 */
export class LiveChannel {
  private socket: LiveSocketLike | undefined;
  private attempt = 0;
  private opened = 0;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private lastMessageMs: number | undefined;
  private subscription: LiveSubscription;
  private current: LiveChannelStatus = { connected: false, stale: true, staleSinceMs: undefined, reconnects: 0 };

  constructor(private readonly options: LiveChannelOptions) {
    this.subscription = options.subscription;
  }

  get status(): LiveChannelStatus {
    return this.current;
  }

  start(): void {
    this.stopped = false;
    this.connect();
    const limit = this.options.silenceLimitMs ?? LIVE_HEARTBEAT_INTERVAL_MS * 2.5;
    this.watchdog = setInterval(() => {
      if (this.socket?.readyState === OPEN && this.lastMessageMs !== undefined && this.now() - this.lastMessageMs > limit) {
        this.markStale();
        this.socket.close(4000, 'silent');
      }
    }, Math.min(1000, limit / 2));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.watchdog);
    const socket = this.socket;
    this.socket = undefined;
    if (socket) this.detach(socket).close(1000, 'page closed');
  }

  /** Replaces the subscription (sent at once when connected, and on every reconnect). */
  subscribe(subscription: LiveSubscription): void {
    this.subscription = subscription;
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(subscription));
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private connect(): void {
    if (this.stopped) return;
    let socket: LiveSocketLike;
    try {
      socket = this.options.createSocket ? this.options.createSocket(this.options.url) : (new WebSocket(this.options.url) as unknown as LiveSocketLike);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.opened += 1;
      this.lastMessageMs = this.now();
      socket.send(JSON.stringify(this.subscription));
      this.setStatus({ connected: true, reconnects: Math.max(0, this.opened - 1) });
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.markStale();
      this.setStatus({ connected: false });
      this.scheduleReconnect();
    };
  }

  private receive(data: unknown): void {
    let message: LiveServerMessage;
    try {
      message = JSON.parse(String(data)) as LiveServerMessage;
    } catch {
      return;
    }
    this.lastMessageMs = this.now();
    // A snapshot brings the page up to date again; only then is the data fresh.
    if (message.type === 'snapshot') {
      this.attempt = 0;
      if (this.current.stale) this.setStatus({ stale: false, staleSinceMs: undefined });
    }
    this.options.onMessage(message);
  }

  private markStale(): void {
    if (this.current.stale && this.current.staleSinceMs !== undefined) return;
    this.setStatus({ stale: true, staleSinceMs: this.lastMessageMs ?? this.now() });
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    const delayMs = reconnectDelayMs(this.attempt, this.options.random ?? Math.random);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.connect(), delayMs);
  }

  private detach(socket: LiveSocketLike): LiveSocketLike {
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    return socket;
  }

  private setStatus(change: Partial<LiveChannelStatus>): void {
    this.current = { ...this.current, ...change };
    this.options.onStatus?.(this.current);
  }
}
