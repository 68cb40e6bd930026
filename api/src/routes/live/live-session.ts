import type { Layer, LiveServerMessage } from '@citytwin/shared';
import type { FeedMember, LayerFeed } from './layer-feed';
import type { Subscription } from './live-subscription';

/** The part of a WebSocket a session uses (the `ws` socket that @fastify/websocket hands over). */
export interface LiveSocket {
  readonly bufferedAmount: number;
  readonly readyState: number;
  send(data: string): void;
}

const OPEN = 1;

/**
 * One subscriber: its subscription, the feeds it is a member of, and the
 * buffer cap. Once more than `bufferCapBytes` wait unsent, messages are
 * dropped rather than queued; when the socket has drained to half the cap
 * the session gets a fresh snapshot of each layer (drop-and-resync).
 */
export class LiveSession implements FeedMember {
  subscription: Subscription | undefined;
  readonly feeds = new Map<Layer, LayerFeed>();
  /** Messages dropped since the socket stopped draining; non-zero means a resync is due. */
  dropped = 0;
  /** Resyncs done over the session's life. */
  resyncs = 0;

  constructor(
    readonly socket: LiveSocket,
    readonly anonymous: boolean,
    private readonly bufferCapBytes: number,
  ) {}

  deliver(message: LiveServerMessage): void {
    this.send(message);
  }

  /** Sends unless the socket is closed or its buffer is over the cap (then the message is dropped). */
  send(message: LiveServerMessage): boolean {
    if (this.socket.readyState !== OPEN) return false;
    if (this.dropped > 0 || this.socket.bufferedAmount > this.bufferCapBytes) {
      this.dropped += 1;
      return false;
    }
    this.socket.send(JSON.stringify(message));
    return true;
  }

  /** True when messages were dropped and the socket has drained enough to start again. */
  readyToResync(): boolean {
    return this.dropped > 0 && this.socket.readyState === OPEN && this.socket.bufferedAmount <= this.bufferCapBytes / 2;
  }

  /** Sends every layer again as a snapshot marked `resync`. */
  resync(): void {
    this.dropped = 0;
    this.resyncs += 1;
    for (const feed of this.feeds.values()) feed.resend(this);
  }
}
