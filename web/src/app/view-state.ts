import { isMetricCode, type MetricCode } from '@citytwin/shared';
import { isLang, type Lang } from '../i18n/lang';
import { isTimeBound, type TimeBound } from '../time/time-range';
import { isPlaybackStep, type PlaybackStep } from '../time/playback';

/** How the two signals are laid out: two synced maps, one map with both, or fused classes. */
export const MODES = ['split', 'overlay', 'fusion'] as const;
export type Mode = (typeof MODES)[number];
/** The side panel that is open, if any. */
export const PANELS = ['hotspots', 'alerts', 'rankings', 'chronic'] as const;
export type PanelName = (typeof PANELS)[number];
/** Colour domain of the physical layer: robust from the data, the catalogue range, or Gi* z-scores. */
export const SCALES = ['data', 'fixed', 'z'] as const;
export type ScaleMode = (typeof SCALES)[number];
export const CONFIDENCES = [90, 95, 99] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Everything that defines what the page shows; the URL carries all of it. */
export interface ViewState {
  mode: Mode;
  metric: MetricCode;
  category: string | undefined;
  from: TimeBound;
  to: TimeBound;
  /** Overrides of the city's initial view. */
  centre: [lng: number, lat: number] | undefined;
  zoom: number | undefined;
  /** Undefined: chosen from the city and the browser. */
  lang: Lang | undefined;
  cell: string | undefined;
  conf: Confidence;
  panel: PanelName | undefined;
  showPhysical: boolean;
  showHuman: boolean;
  scale: ScaleMode;
  step: PlaybackStep;
  cumulative: boolean;
}

// Noise first: the built-in simulation plants a construction-noise incident, seen on both layers.
export const DEFAULT_METRIC: MetricCode = 'noise_db';

export const DEFAULT_VIEW: ViewState = {
  mode: 'split', metric: DEFAULT_METRIC, category: undefined, from: 'now-24h', to: 'now', centre: undefined, zoom: undefined,
  lang: undefined, cell: undefined, conf: 95, panel: undefined, showPhysical: true, showHuman: true, scale: 'data', step: '1h', cumulative: false,
};

const H3_CELL = /^[0-9a-f]{15}$/;

function finite(text: string | null): number | undefined {
  if (text === null || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function oneOf<T extends string | number>(allowed: readonly T[], text: string | null, fallback: T): T {
  return allowed.find((option) => String(option) === text) ?? fallback;
}

/**
 * Reads the view from a query string; anything missing or invalid falls back
 * to {@link DEFAULT_VIEW}, so an old or hand-edited link still opens a view.
 * @example parseViewState('?mode=fusion&conf=99').conf // 99
 */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const lng = finite(params.get('lng'));
  const lat = finite(params.get('lat'));
  const zoom = finite(params.get('zoom'));
  const layers = params.get('layers');
  const shown = layers === null ? ['physical', 'human'] : layers.split(',').map((part) => part.trim());
  const metric = params.get('metric') ?? '';
  const from = params.get('from');
  const to = params.get('to');
  const cell = params.get('cell')?.toLowerCase();
  const panel = params.get('panel');
  return {
    mode: oneOf(MODES, params.get('mode'), DEFAULT_VIEW.mode),
    metric: isMetricCode(metric) ? metric : DEFAULT_METRIC,
    category: params.get('category') || undefined,
    from: from !== null && isTimeBound(from) ? from : DEFAULT_VIEW.from,
    to: to !== null && isTimeBound(to) ? to : DEFAULT_VIEW.to,
    centre: lng !== undefined && lat !== undefined && Math.abs(lng) <= 180 && Math.abs(lat) <= 85 ? [lng, lat] : undefined,
    zoom: zoom !== undefined && zoom >= 0 && zoom <= 22 ? zoom : undefined,
    lang: isLang(params.get('lang')) ? (params.get('lang') as Lang) : undefined,
    cell: cell && H3_CELL.test(cell) ? cell : undefined,
    conf: oneOf(CONFIDENCES, params.get('conf'), DEFAULT_VIEW.conf),
    panel: PANELS.find((name) => name === panel),
    showPhysical: shown.includes('physical'),
    showHuman: shown.includes('human'),
    scale: oneOf(SCALES, params.get('scale'), DEFAULT_VIEW.scale),
    step: isPlaybackStep(params.get('step')) ? (params.get('step') as PlaybackStep) : DEFAULT_VIEW.step,
    cumulative: params.get('cumulative') === '1',
  };
}

/** Rounds a view coordinate so the URL stays short (6 decimals: ~0.1 m). */
function round(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/**
 * The query string (with `?`, or '' for the default view) that {@link parseViewState}
 * reads back as `view`; values equal to the default are left out.
 * @example serializeViewState({ ...DEFAULT_VIEW, mode: 'fusion' }) // '?mode=fusion'
 */
export function serializeViewState(view: ViewState): string {
  const params = new URLSearchParams();
  const put = (name: string, value: string | undefined, fallback?: string) => {
    if (value !== undefined && value !== fallback) params.set(name, value);
  };
  put('mode', view.mode, DEFAULT_VIEW.mode);
  put('metric', view.metric, DEFAULT_VIEW.metric);
  put('category', view.category);
  put('from', view.from, DEFAULT_VIEW.from);
  put('to', view.to, DEFAULT_VIEW.to);
  if (view.centre) {
    params.set('lng', round(view.centre[0], 6));
    params.set('lat', round(view.centre[1], 6));
  }
  if (view.zoom !== undefined) params.set('zoom', round(view.zoom, 2));
  put('lang', view.lang);
  put('cell', view.cell);
  put('conf', String(view.conf), String(DEFAULT_VIEW.conf));
  put('panel', view.panel);
  const layers = [view.showPhysical ? 'physical' : '', view.showHuman ? 'human' : ''].filter(Boolean).join(',');
  put('layers', layers, 'physical,human');
  put('scale', view.scale, DEFAULT_VIEW.scale);
  put('step', view.step, DEFAULT_VIEW.step);
  if (view.cumulative) params.set('cumulative', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}
