import type { LiveAlert, LiveCounters, LiveFleet, LiveOverdue, LiveServerMessage } from '@citytwin/shared';
import type { AlertItem } from '../api/analysis-types';
import { LiveLayerData } from '../live-channel/live-layer-data';

/** One line of the incident ticker: an alert, or a group of overdue appeals. */
export interface TickerItem {
  kind: 'alert' | 'overdue';
  id: string;
  /** Epoch ms the item is dated by: the alert's last event, or the group's oldest missed deadline. */
  atMs: number;
  /** Alerts: what happened last. */
  event?: LiveAlert['event'];
  /** Alerts: the row as `/api/alerts` lists it, when the server sent it. */
  alert?: Record<string, unknown>;
  /** Overdue groups: where, which category, how many. */
  area?: string;
  category?: string;
  count?: number;
}

/** Alerts the ticker remembers; older ones are forgotten so a wall running for weeks stays flat. */
export const MAX_REMEMBERED_ALERTS = 50;
/** Items the ticker lists. */
export const MAX_TICKER_ITEMS = 12;

/**
 * Everything the wall shows from the live channel, kept across reconnects:
 * the two layers, the figures, the alerts heard. Bounded in size whatever
 * the uptime.
 */
export class WallData {
  readonly physical = new LiveLayerData();
  readonly human = new LiveLayerData();
  counters: LiveCounters | undefined;
  fleet: LiveFleet | undefined;
  overdue: LiveOverdue | undefined;
  /** Server time of the newest message with data, epoch ms. */
  dataAsOfMs: number | undefined;
  /** Newest change time behind the last delta applied (for the lag), epoch ms. */
  lastDeltaChangeMs: number | undefined;
  private readonly alerts = new Map<string, TickerItem>();

  /** Applies one message; true when what the wall shows changed. */
  apply(message: LiveServerMessage): boolean {
    switch (message.type) {
      case 'snapshot':
        this.layer(message.layer).applySnapshot(message.res, message.cells);
        return this.dated(message.asOf);
      case 'delta':
        if (!this.layer(message.layer).applyDelta(message.res, message.cells, message.removed)) return false;
        this.lastDeltaChangeMs = Date.parse(message.latestChangeAt);
        return this.dated(message.asOf);
      case 'alert':
        this.remember(message);
        return this.dated(message.asOf);
      case 'counters':
        this.counters = message;
        return this.dated(message.asOf);
      case 'fleet':
        this.fleet = message;
        return this.dated(message.asOf);
      case 'overdue':
        this.overdue = message;
        return this.dated(message.asOf);
      case 'heartbeat':
        return this.dated(message.asOf);
      case 'error':
        return false;
    }
  }

  /**
   * Alerts and overdue groups, newest first. `listed` are the open alerts of
   * `GET /api/alerts` (those opened before the wall started); what the
   * channel said since about an alert wins.
   */
  tickerItems(listed: readonly AlertItem[] = []): TickerItem[] {
    const overdue: TickerItem[] = (this.overdue?.groups ?? []).map((group) => ({
      kind: 'overdue', id: `overdue:${group.area}:${group.category}`, atMs: Date.parse(group.oldestDueAt), area: group.area, category: group.category, count: group.count,
    }));
    return [...this.alertsWith(listed).values(), ...overdue].sort((a, b) => b.atMs - a.atMs || a.id.localeCompare(b.id)).slice(0, MAX_TICKER_ITEMS);
  }

  /** Cells of alerts still open, to outline on the map. */
  openAlertCells(listed: readonly AlertItem[] = []): string[] {
    const cells: string[] = [];
    for (const item of this.alertsWith(listed).values()) {
      const h3 = item.alert?.['h3'];
      if (item.event !== 'closed' && typeof h3 === 'string') cells.push(h3);
    }
    return cells;
  }

  private alertsWith(listed: readonly AlertItem[]): Map<string, TickerItem> {
    if (listed.length === 0) return this.alerts;
    const merged = new Map<string, TickerItem>();
    for (const alert of listed) {
      const id = String(alert.id);
      merged.set(id, { kind: 'alert', id, atMs: Date.parse(alert.openedAt), event: 'opened', alert: alert as unknown as Record<string, unknown> });
    }
    for (const [id, item] of this.alerts) merged.set(id, item);
    return merged;
  }

  private layer(layer: 'physical' | 'human'): LiveLayerData {
    return layer === 'physical' ? this.physical : this.human;
  }

  private remember(message: LiveAlert): void {
    this.alerts.delete(message.id);
    this.alerts.set(message.id, {
      kind: 'alert', id: message.id, atMs: Date.parse(message.asOf), event: message.event,
      ...(message.alert ? { alert: message.alert } : {}),
    });
    while (this.alerts.size > MAX_REMEMBERED_ALERTS) this.alerts.delete(this.alerts.keys().next().value!);
  }

  private dated(asOf: string): boolean {
    const ms = Date.parse(asOf);
    if (Number.isFinite(ms) && (this.dataAsOfMs === undefined || ms > this.dataAsOfMs)) this.dataAsOfMs = ms;
    return true;
  }
}
