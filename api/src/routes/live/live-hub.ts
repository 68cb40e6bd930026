import type { Logger } from 'pino';
import { cellResolution, LIVE_HEARTBEAT_INTERVAL_MS, parentCell, type Layer, type LiveCounters, type LiveFleet, type LiveOverdue, type LiveServerMessage } from '@citytwin/shared';
import { CHANGE_CHANNELS, countOpenAlerts, findAlert, listenForChanges, type AlertChange, type AppealsChange, type Db, type ReadingsChange, type StoredAlert } from '@citytwin/store';
import { alertView } from '../alerts/alerts-routes';
import { feedIsTouchedBy, feedKey, liveWindow, readFeedCells, type FeedSpec } from './feed-spec';
import { LayerFeed } from './layer-feed';
import { readCounters, readFleet, readOverdue } from './live-figures';
import type { LiveSession } from './live-session';
import type { Subscription } from './live-subscription';
import { ReadingRate } from './reading-rate';

export interface LiveHubOptions {
  /** Where notifications are listened for (the primary store). */
  listenDb: Db;
  /** Where cells and figures are read (a replica when configured). */
  readDb: Db;
  logger: Logger;
  /** Data clock (epoch ms): the window's end and every `asOf`. */
  clock: () => number;
  timeZone: string;
  /** Finest resolution of the human layer for anonymous subscribers. */
  anonymousMaxHumanRes: number;
  /** Fewest appeals per cell (and per overdue group) anonymous subscribers see. */
  anonymousMinAppeals: number;
  /** Width of the alert job's buckets (ALERT_BUCKET): only its alerts are pushed and counted, as `/api/alerts` lists them. */
  alertBucketS: number;
}

/** Figures (counters, overdue) are re-read at most this often after changes. */
const FIGURES_MIN_INTERVAL_MS = 1_000;
/** Layers are re-read this often without any change, so cells leave the sliding 24-hour window. */
const WINDOW_SLIDE_MS = 60_000;
/** How often sessions that dropped messages are checked for having drained. */
const DRAIN_CHECK_MS = 250;

/**
 * The live channel's engine in one API instance: it listens for what writers
 * announce (readings, appeals, alerts) over LISTEN/NOTIFY, re-reads what
 * changed from the store and pushes it to its sessions. Nothing it sends
 * exists only in this process: every instance hears the same announcements
 * and reads the same store, so subscribers anywhere get the same deltas.
 */
export class LiveHub {
  private readonly sessions = new Set<LiveSession>();
  private readonly feeds = new Map<string, LayerFeed>();
  private readonly readingRate = new ReadingRate();
  private readonly stops: Array<() => Promise<void>> = [];
  private readonly timers: Array<ReturnType<typeof setInterval>> = [];
  private figuresTimer: ReturnType<typeof setTimeout> | undefined;
  private figuresLastMs = -Infinity;
  private latest: { counters?: LiveCounters; fleet?: LiveFleet; overdue: Map<number, LiveOverdue> } = { overdue: new Map() };

  constructor(private readonly options: LiveHubOptions) {}

  async start(): Promise<void> {
    const { listenDb, logger } = this.options;
    const listenOptions = {
      onLost: (error: Error) => logger.warn({ err: error }, 'live channel: lost the change listener; deltas wait until it is back'),
      onResumed: () => this.catchUp(),
      onMalformed: (payload: string) => logger.warn({ payload: payload.slice(0, 200) }, 'live channel: ignored a malformed change announcement'),
    };
    this.stops.push(await listenForChanges(listenDb, CHANGE_CHANNELS.readings, (change) => this.onReadings(change), listenOptions));
    this.stops.push(await listenForChanges(listenDb, CHANGE_CHANNELS.appeals, (change) => this.onAppeals(change), listenOptions));
    this.stops.push(await listenForChanges(listenDb, CHANGE_CHANNELS.alerts, (change) => this.onAlert(change), listenOptions));
    this.timers.push(setInterval(() => this.beat(), LIVE_HEARTBEAT_INTERVAL_MS));
    this.timers.push(setInterval(() => this.catchUp(), WINDOW_SLIDE_MS));
    this.timers.push(setInterval(() => this.resyncDrained(), DRAIN_CHECK_MS));
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    clearTimeout(this.figuresTimer);
    for (const feed of this.feeds.values()) feed.close();
    this.feeds.clear();
    for (const stop of this.stops) await stop().catch(() => undefined);
  }

  add(session: LiveSession): void {
    this.sessions.add(session);
  }

  remove(session: LiveSession): void {
    this.sessions.delete(session);
    for (const layer of [...session.feeds.keys()]) this.leaveFeed(session, layer);
  }

  /** Replaces a session's subscription: joins the new feeds (each sends a snapshot), leaves the old ones, then sends the figures. */
  async subscribe(session: LiveSession, subscription: Subscription): Promise<void> {
    session.subscription = subscription;
    const previous = [...session.feeds.values()];
    session.feeds.clear();
    for (const layer of subscription.layers) session.feeds.set(layer, this.feedFor(this.specOf(subscription, layer, session.anonymous)));
    // Feeds the new subscription shares with the old one stay open (and keep their cells).
    for (const feed of previous) {
      feed.leave(session);
      this.closeIfUnused(feed);
    }
    session.dropped = 0;
    for (const feed of session.feeds.values()) {
      await feed.join(session);
      // A newer subscription may have replaced this one while the layer was read.
      if (session.subscription !== subscription) return;
    }
    this.sendFigures(session);
    if (!this.latest.counters || !this.latest.overdue.has(this.minCountOf(session))) this.scheduleFigures();
  }

  /** Sessions open now (for tests and health). */
  get sessionCount(): number {
    return this.sessions.size;
  }

  private specOf(subscription: Subscription, layer: Layer, anonymous: boolean): FeedSpec {
    const human = layer === 'human';
    return {
      layer, metric: human ? undefined : subscription.metric, category: human ? subscription.category : undefined,
      res: human && anonymous ? Math.min(subscription.res, this.options.anonymousMaxHumanRes) : subscription.res,
      bbox: subscription.bbox, minCount: human && anonymous ? this.options.anonymousMinAppeals : 1,
    };
  }

  private feedFor(spec: FeedSpec): LayerFeed {
    const key = feedKey(spec);
    let feed = this.feeds.get(key);
    if (!feed) {
      feed = new LayerFeed({
        spec,
        read: async (within) => {
          const asOfMs = this.options.clock();
          const window = liveWindow(asOfMs);
          return { cells: await readFeedCells(this.options.readDb, spec, window, within), ...window, asOfMs };
        },
        onError: (error) => this.options.logger.warn({ err: error, feed: key }, 'live channel: reading a layer failed; retrying'),
      });
      this.feeds.set(key, feed);
    }
    return feed;
  }

  private leaveFeed(session: LiveSession, layer: Layer): void {
    const feed = session.feeds.get(layer);
    session.feeds.delete(layer);
    if (!feed) return;
    feed.leave(session);
    this.closeIfUnused(feed);
  }

  private closeIfUnused(feed: LayerFeed): void {
    if (feed.members.size > 0 || [...this.sessions].some((other) => [...other.feeds.values()].includes(feed))) return;
    feed.close();
    this.feeds.delete(feedKey(feed.spec));
  }

  private onReadings(change: ReadingsChange): void {
    this.readingRate.add(Date.now(), change.count);
    for (const feed of this.feeds.values()) if (feedIsTouchedBy(feed.spec, change)) feed.markChanged(change.toMs, change.cells);
  }

  private onAppeals(change: AppealsChange): void {
    if (change.kind === 'received') {
      for (const feed of this.feeds.values()) if (feedIsTouchedBy(feed.spec, change)) feed.markChanged(change.toMs);
    }
    this.scheduleFigures();
  }

  private onAlert(change: AlertChange): void {
    void findAlert(this.options.readDb, change.id).then(
      (alert) => {
        if (alert && alert.bucketS !== this.options.alertBucketS) return;
        const asOf = new Date(this.options.clock()).toISOString();
        for (const session of this.sessions) {
          session.send({ type: 'alert', event: change.event, id: change.id, ...(alert ? { alert: this.alertFor(alert, session.anonymous) } : {}), asOf });
        }
        this.scheduleFigures();
      },
      (error: unknown) => this.options.logger.warn({ err: error, alert: change.id }, 'live channel: reading an alert failed'),
    );
  }

  /** An alert as `/api/alerts` lists it; anonymous subscribers see a human alert's cell at the coarsest resolution they may see appeals at. */
  private alertFor(alert: StoredAlert, anonymous: boolean): Record<string, unknown> {
    const view = alertView(alert);
    if (!anonymous || alert.layer !== 'human') return view;
    const res = this.options.anonymousMaxHumanRes;
    return { ...view, h3: parentCell(alert.h3, Math.min(res, cellResolution(alert.h3))) };
  }

  /** After a lost listener or as the window slides: re-read every layer and the figures. */
  private catchUp(): void {
    const nowMs = this.options.clock();
    for (const feed of this.feeds.values()) feed.markChanged(nowMs);
    this.scheduleFigures();
  }

  private beat(): void {
    if (this.sessions.size === 0) return;
    this.broadcast({ type: 'heartbeat', asOf: new Date(this.options.clock()).toISOString() });
    void readFleet(this.options.readDb, this.options.clock()).then(
      (fleet) => {
        this.latest.fleet = fleet;
        this.broadcast(fleet);
      },
      (error: unknown) => this.options.logger.warn({ err: error }, 'live channel: reading the fleet failed'),
    );
    this.scheduleFigures();
  }

  private minCountOf(session: LiveSession): number {
    return session.anonymous ? this.options.anonymousMinAppeals : 1;
  }

  private sendFigures(session: LiveSession): void {
    if (this.latest.counters) session.send(this.latest.counters);
    if (this.latest.fleet) session.send(this.latest.fleet);
    const overdue = this.latest.overdue.get(this.minCountOf(session));
    if (overdue) session.send(overdue);
  }

  private scheduleFigures(): void {
    if (this.figuresTimer || this.sessions.size === 0) return;
    const waitMs = Math.max(0, this.figuresLastMs + FIGURES_MIN_INTERVAL_MS - Date.now());
    this.figuresTimer = setTimeout(() => void this.refreshFigures(), waitMs);
  }

  private async refreshFigures(): Promise<void> {
    this.figuresLastMs = Date.now();
    const { readDb, clock, timeZone, logger } = this.options;
    const nowMs = clock();
    try {
      const minCounts = new Set([...this.sessions].map((session) => this.minCountOf(session)));
      const [counters, fleet, ...overdue] = await Promise.all([
        readCounters(readDb, nowMs, timeZone, this.readingRate.perSecond(Date.now()), await countOpenAlerts(readDb, this.options.alertBucketS)),
        this.latest.fleet ? Promise.resolve(this.latest.fleet) : readFleet(readDb, nowMs),
        ...[...minCounts].map((minCount) => readOverdue(readDb, nowMs, minCount).then((message) => [minCount, message] as const)),
      ]);
      const fleetIsNew = this.latest.fleet !== fleet;
      this.latest = { counters, fleet, overdue: new Map(overdue) };
      for (const session of this.sessions) {
        session.send(counters);
        if (fleetIsNew) session.send(fleet);
        const own = this.latest.overdue.get(this.minCountOf(session));
        if (own) session.send(own);
      }
    } catch (error) {
      logger.warn({ err: error }, 'live channel: reading the counters failed');
    } finally {
      this.figuresTimer = undefined;
    }
  }

  private broadcast(message: LiveServerMessage): void {
    for (const session of this.sessions) session.send(message);
  }

  private resyncDrained(): void {
    for (const session of this.sessions) {
      if (!session.readyToResync()) continue;
      session.resync();
      this.sendFigures(session);
    }
  }
}
