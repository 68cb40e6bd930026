import type { HealthInfo } from '../api/api-types';
import type { LayerState, LiveCells } from '../live/refresh-layers';

/**
 * Wall-clock time of `epochMs` in the city's time zone, 24 h.
 * @example formatClock(Date.UTC(2026, 0, 1, 4, 5, 6), 'Asia/Shanghai') // '12:05:06'
 */
export function formatClock(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(epochMs);
}

function describeLayer(label: string, layer: LayerState): string {
  if (!layer.loaded) return `${label}: loading`;
  const cells = `${layer.cells.length} ${layer.cells.length === 1 ? 'cell' : 'cells'}`;
  const hidden = layer.suppressedBelow ? `, cells with <${layer.suppressedBelow} appeals hidden` : '';
  return `${label}: ${cells} (res ${layer.res ?? '?'}${hidden})`;
}

/**
 * The status line: store kind, last refresh time (city time), cells per layer,
 * and the latest error if a refresh failed.
 * @example describeStatus(health, live, 'Asia/Shanghai') // 'store pglite · updated 12:05:06 · sensors: 40 cells (res 8) · appeals: 6 cells (res 8, cells with <3 appeals hidden)'
 */
export function describeStatus(health: HealthInfo | undefined, live: LiveCells, timeZone: string): { text: string; error: string | undefined } {
  const parts = [
    `store ${health?.store ?? '…'}${health?.status === 'degraded' ? ' (degraded)' : ''}`,
    live.lastRefreshMs === undefined ? 'not updated yet' : `updated ${formatClock(live.lastRefreshMs, timeZone)}`,
    describeLayer('sensors', live.physical),
    describeLayer('appeals', live.human),
  ];
  return { text: parts.join(' · '), error: live.physical.error ?? live.human.error };
}
