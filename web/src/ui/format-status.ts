import type { HealthInfo } from '../api/api-types';
import type { LayerState, LiveCells } from '../live/refresh-layers';
import { translate, type MessageParams } from '../i18n/translate';
import type { Lang } from '../i18n/lang';

/**
 * Wall-clock time of `epochMs` in the city's time zone, 24 h.
 * @example formatClock(Date.UTC(2026, 0, 1, 4, 5, 6), 'Asia/Shanghai') // '12:05:06'
 */
export function formatClock(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(epochMs);
}

type T = (key: string, params?: MessageParams) => string;

function describeLayer(t: T, label: string, layer: LayerState): string {
  if (!layer.loaded) return t('status.loading', { label });
  const unit = t(layer.cells.length === 1 ? 'status.cell' : 'status.cellsPlural');
  const hidden = layer.suppressedBelow ? t('status.hidden', { k: layer.suppressedBelow }) : '';
  return t('status.cells', { label, count: layer.cells.length, unit, res: layer.res ?? '?', hidden });
}

/**
 * The status line: store kind, last refresh time (city time), cells per layer,
 * and the latest error if a refresh failed.
 * @example describeStatus(health, live, 'Asia/Shanghai') // 'store pglite · updated 12:05:06 · sensors: 40 cells (res 8) · appeals: 6 cells (res 8, cells with <3 appeals hidden)'
 */
export function describeStatus(health: HealthInfo | undefined, live: LiveCells, timeZone: string, lang: Lang = 'en'): { text: string; error: string | undefined } {
  const t: T = (key, params) => translate(lang, key, params);
  const parts = [
    t('status.store', { store: health?.store ?? '…' }) + (health?.status === 'degraded' ? t('status.degraded') : ''),
    live.lastRefreshMs === undefined ? t('status.notUpdated') : t('status.updated', { time: formatClock(live.lastRefreshMs, timeZone) }),
    describeLayer(t, t('status.sensors'), live.physical),
    describeLayer(t, t('status.appeals'), live.human),
  ];
  return { text: parts.join(' · '), error: live.physical.error ?? live.human.error };
}
