import pg from 'pg';
import { quoteIdentifier, type ListenOptions, type NotifyHandler } from './db';

interface Subscriber {
  onNotify: NotifyHandler;
  options: ListenOptions;
}

/** Reconnect delays after the listening connection is lost, in ms (the last one repeats). */
export const LISTEN_RECONNECT_DELAYS_MS = [100, 250, 500, 1000, 2000, 5000] as const;

/**
 * One dedicated `pg.Client` that carries every `LISTEN` of a {@link Db} on the
 * server back end (a pooled connection would drop its LISTENs when returned).
 * When the connection is lost (server restart, network) it reconnects with
 * backoff, issues every LISTEN again and tells each subscriber
 * (`onLost`, then `onResumed`), so they can catch up on what was missed. It
 * never throws out of an event handler: a dead server cannot crash the process.
 */
export class PostgresListener {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private readonly channels = new Map<string, Set<Subscriber>>();
  private retryTimer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private closed = false;
  /** Whether the subscribers were told of a loss and wait for onResumed. */
  private lost = false;

  constructor(private readonly connectionString: string) {}

  /** Registers `onNotify` on `channel`; see {@link Db.listen}. */
  async listen(channel: string, onNotify: NotifyHandler, options: ListenOptions = {}): Promise<() => Promise<void>> {
    const sql = `LISTEN ${quoteIdentifier(channel)}`;
    if (this.closed) throw new Error('the store is closed');
    const subscriber: Subscriber = { onNotify, options };
    let subscribers = this.channels.get(channel);
    const first = !subscribers;
    if (!subscribers) this.channels.set(channel, (subscribers = new Set()));
    subscribers.add(subscriber);
    if (this.client && first) await this.client.query(sql).catch((error: unknown) => this.onConnectionLost(this.client!, error));
    else if (!this.client) await this.ensureConnected();
    return () => this.unlisten(channel, subscriber);
  }

  /** Ends the connection and stops reconnecting. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    this.channels.clear();
    await client?.end().catch(() => undefined);
  }

  private async unlisten(channel: string, subscriber: Subscriber): Promise<void> {
    const subscribers = this.channels.get(channel);
    if (!subscribers?.delete(subscriber) || subscribers.size > 0) return;
    this.channels.delete(channel);
    await this.client?.query(`UNLISTEN ${quoteIdentifier(channel)}`).catch(() => undefined);
  }

  /** Connects now unless already connected or connecting; a failure schedules a retry and does not throw. */
  private ensureConnected(): Promise<void> {
    this.connecting ??= this.connect()
      .then(() => {
        this.attempt = 0;
        if (this.lost) {
          this.lost = false;
          this.forEachSubscriber((subscriber) => subscriber.options.onResumed?.());
        }
      })
      .catch((error: unknown) => this.scheduleRetry(error))
      .finally(() => {
        this.connecting = undefined;
      });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true });
    client.on('error', (error) => this.onConnectionLost(client, error));
    client.on('end', () => this.onConnectionLost(client, new Error('the listening connection ended')));
    client.on('notification', (message) => this.dispatch(message.channel, message.payload ?? ''));
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN ${quoteIdentifier(channel)}`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  private onConnectionLost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.markLost(error);
    void this.ensureConnected();
  }

  private scheduleRetry(error: unknown): void {
    if (this.closed) return;
    this.markLost(error);
    const delay = LISTEN_RECONNECT_DELAYS_MS[Math.min(this.attempt, LISTEN_RECONNECT_DELAYS_MS.length - 1)];
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.ensureConnected(), delay);
    this.retryTimer.unref();
  }

  private markLost(error: unknown): void {
    if (this.lost) return;
    this.lost = true;
    const reason = error instanceof Error ? error : new Error(String(error));
    this.forEachSubscriber((subscriber) => subscriber.options.onLost?.(reason));
  }

  private dispatch(channel: string, payload: string): void {
    for (const subscriber of this.channels.get(channel) ?? []) {
      try {
        subscriber.onNotify(payload);
      } catch {
        // A subscriber's bug must not stop delivery to the others, nor reach pg's socket handler.
      }
    }
  }

  private forEachSubscriber(call: (subscriber: Subscriber) => void): void {
    for (const subscribers of this.channels.values()) {
      for (const subscriber of subscribers) {
        try {
          call(subscriber);
        } catch {
          // As in dispatch: never throw into pg's event handlers.
        }
      }
    }
  }
}
