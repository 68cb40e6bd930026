import type { HealthInfo } from '../api/api-types';
import { EMPTY_LAYER, type LayerState, type LiveCells } from '../live/refresh-layers';
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

/** What the fusion map holds, for the status line in fusion mode (it draws no sensor or appeal layer). */
export interface FusionStatus {
  loaded: boolean;
  cells: number;
  res: number | undefined;
  fetchedAtMs: number | undefined;
  error: string | undefined;
}

/**
 * The status line: store kind, last refresh time (city time), cells per layer
 * (the fused cells in fusion mode), and the latest error if a refresh failed.
 * @example describeStatus(health, live, 'Asia/Shanghai') // 'store pglite · updated 12:05:06 · sensors: 40 cells (res 8) · appeals: 6 cells (res 8, cells with <3 appeals hidden)'
 */
export function describeStatus(health: HealthInfo | undefined, live: LiveCells, timeZone: string, lang: Lang = 'en', fusion?: FusionStatus): { text: string; error: string | undefined } {
  const t: T = (key, params) => translate(lang, key, params);
  const refreshedMs = fusion ? fusion.fetchedAtMs : live.lastRefreshMs;
  const store = t('status.store', { store: health?.store ?? '…' }) + (health?.status === 'degraded' ? t('status.degraded') : '');
  const updated = refreshedMs === undefined ? t('status.notUpdated') : t('status.updated', { time: formatClock(refreshedMs, timeZone) });
  if (fusion) {
    const layer: LayerState = { ...EMPTY_LAYER, loaded: fusion.loaded, res: fusion.res };
    const label = t('status.fusion');
    const text = fusion.loaded
      ? t('status.cells', { label, count: fusion.cells, unit: t(fusion.cells === 1 ? 'status.cell' : 'status.cellsPlural'), res: fusion.res ?? '?', hidden: '' })
      : describeLayer(t, label, layer);
    return { text: [store, updated, text].join(' · '), error: fusion.error };
  }
  const parts = [store, updated, describeLayer(t, t('status.sensors'), live.physical), describeLayer(t, t('status.appeals'), live.human)];
  return { text: parts.join(' · '), error: live.physical.error ?? live.human.error };
}
