import type { CellValue, H3Cell, LiveDelta, LiveSnapshot } from '@citytwin/shared';
import { diffCells } from './cell-diff';
import type { FeedSpec } from './feed-spec';
import { TouchedCells } from './touched-cells';

/** At most one delta per layer per second. */
export const MIN_DELTA_INTERVAL_MS = 1_000;

/** Whoever receives a feed's messages (a {@link LiveSession}). */
export interface FeedMember {
  deliver(message: LiveSnapshot | LiveDelta): void;
}

export interface LayerFeedOptions {
  spec: FeedSpec;
  /** Reads the spec's cells now (all, or only those in `within`), with the window they cover. */
  read(within?: readonly H3Cell[]): Promise<{ cells: CellValue[]; fromMs: number; toMs: number; asOfMs: number }>;
  onError(error: unknown): void;
}

/**
 * One layer shared by every subscriber of the same spec: it keeps the cells
 * last sent, re-reads them when told something changed (at most once a
 * second) and sends each member only the cells that changed. When the
 * announcements named the cells they touched, only those are re-read, so a
 * delta costs in proportion to what moved, not to the whole layer.
 */
export class LayerFeed {
  readonly members = new Set<FeedMember>();
  private cells: Map<string, CellValue> | undefined;
  private window = { fromMs: 0, toMs: 0, asOfMs: 0 };
  private loading: Promise<void> | undefined;
  private dirty = false;
  private readonly touched: TouchedCells;
  private refreshing = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastRefreshStartMs = -Infinity;
  private latestChangeMs = 0;
  private closed = false;

  constructor(private readonly options: LayerFeedOptions) {
    this.touched = new TouchedCells(options.spec.res);
  }

  get spec(): FeedSpec {
    return this.options.spec;
  }

  /** Adds a member and sends it the whole layer (reading it first if this feed has not yet). */
  async join(member: FeedMember, resync = false): Promise<void> {
    if (!this.cells) {
      this.loading ??= this.load();
      await this.loading;
    }
    if (this.closed || !this.cells) return;
    member.deliver(this.snapshot(resync));
    this.members.add(member);
  }

  /** Sends a member the whole layer again (after it had to drop deltas). */
  resend(member: FeedMember): void {
    if (this.cells && this.members.has(member)) member.deliver(this.snapshot(true));
  }

  leave(member: FeedMember): void {
    this.members.delete(member);
  }

  /**
   * Something this feed shows may have changed at `atMs` (reading or receipt
   * time), in `cells` (any resolution) or anywhere when they are not known:
   * re-read soon.
   */
  markChanged(atMs: number, cells?: readonly H3Cell[]): void {
    if (atMs > this.latestChangeMs) this.latestChangeMs = atMs;
    if (cells) this.touched.add(cells);
    else this.touched.addAll();
    this.dirty = true;
    this.schedule();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.members.clear();
  }

  private snapshot(resync: boolean): LiveSnapshot {
    const { spec } = this.options;
    return {
      type: 'snapshot', layer: spec.layer, res: spec.res, cells: [...this.cells!.values()],
      asOf: new Date(this.window.asOfMs).toISOString(), from: new Date(this.window.fromMs).toISOString(), to: new Date(this.window.toMs).toISOString(),
      ...(spec.minCount > 1 ? { suppressedBelow: spec.minCount } : {}),
      ...(resync ? { resync: true } : {}),
    };
  }

  private async load(): Promise<void> {
    try {
      const read = await this.options.read();
      this.cells = new Map(read.cells.map((cell) => [cell.h3, cell]));
      this.window = read;
    } catch (error) {
      this.loading = undefined;
      throw error;
    }
  }

  private schedule(): void {
    if (this.timer || this.refreshing || this.closed || !this.cells) return;
    const waitMs = Math.max(0, this.lastRefreshStartMs + MIN_DELTA_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, waitMs);
  }

  private async refresh(): Promise<void> {
    if (!this.dirty || this.closed) return;
    this.dirty = false;
    this.refreshing = true;
    this.lastRefreshStartMs = Date.now();
    const latestChangeMs = this.latestChangeMs;
    const within = this.touched.take();
    try {
      const read = await this.options.read(within);
      if (this.closed || !this.cells) return;
      const { changed, removed } = within ? this.merge(within, read.cells) : this.replace(read.cells);
      this.window = read;
      if (changed.length === 0 && removed.length === 0) return;
      const delta: LiveDelta = {
        type: 'delta', layer: this.options.spec.layer, res: this.options.spec.res, cells: changed, removed,
        asOf: new Date(read.asOfMs).toISOString(), latestChangeAt: new Date(latestChangeMs || read.asOfMs).toISOString(),
      };
      for (const member of this.members) member.deliver(delta);
    } catch (error) {
      // Try again at the next change or window slide; members keep what they have.
      if (within) this.touched.add(within);
      else this.touched.addAll();
      this.dirty = true;
      this.options.onError(error);
    } finally {
      this.refreshing = false;
      if (this.dirty && !this.closed) this.schedule();
    }
  }

  /** A whole re-read: the new layer, and how it differs from the one sent. */
  private replace(cells: readonly CellValue[]): ReturnType<typeof diffCells> {
    const next = new Map(cells.map((cell) => [cell.h3, cell]));
    const diff = diffCells(this.cells!, next);
    this.cells = next;
    return diff;
  }

  /** A re-read of the cells in `within` only: merged into the layer in place; cells there that are gone now are removed. */
  private merge(within: readonly H3Cell[], cells: readonly CellValue[]): ReturnType<typeof diffCells> {
    const layer = this.cells!;
    const area = TouchedCells.matcher(within, this.options.spec.res);
    const fresh = new Map(cells.map((cell) => [cell.h3, cell]));
    const before = new Map<string, CellValue>();
    for (const [h3, cell] of layer) if (area(h3)) before.set(h3, cell);
    const diff = diffCells(before, fresh);
    for (const h3 of diff.removed) layer.delete(h3);
    for (const cell of diff.changed) layer.set(cell.h3, cell);
    return diff;
  }
}
