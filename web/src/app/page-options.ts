import { isMetricCode, type MetricCode } from '@citytwin/shared';

/** What the page shows at start, from its URL (so a wall display or a test can bookmark a view). */
export interface PageOptions {
  metric: MetricCode;
  category: string | undefined;
  showPhysical: boolean;
  showHuman: boolean;
  /** Overrides of the city's initial view. */
  zoom: number | undefined;
  centre: [lng: number, lat: number] | undefined;
}

// Noise first: the built-in simulation plants a construction-noise incident, seen on both layers.
export const DEFAULT_METRIC: MetricCode = 'noise_db';

function finite(text: string | null): number | undefined {
  if (text === null || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Reads `?metric=&category=&layers=physical,human&zoom=&lng=&lat=`; anything
 * missing or invalid falls back to the defaults (both layers, PM2.5, city view).
 * @example parsePageOptions('?layers=human&zoom=9.5').showPhysical // false
 */
export function parsePageOptions(search: string): PageOptions {
  const params = new URLSearchParams(search);
  const metric = params.get('metric') ?? '';
  const layers = params.get('layers');
  const shown = layers === null ? ['physical', 'human'] : layers.split(',').map((part) => part.trim());
  const lng = finite(params.get('lng'));
  const lat = finite(params.get('lat'));
  const zoom = finite(params.get('zoom'));
  const validCentre = lng !== undefined && lat !== undefined && Math.abs(lng) <= 180 && Math.abs(lat) <= 85;
  return {
    metric: isMetricCode(metric) ? metric : DEFAULT_METRIC,
    category: params.get('category') || undefined,
    showPhysical: shown.includes('physical'),
    showHuman: shown.includes('human'),
    zoom: zoom !== undefined && zoom >= 0 && zoom <= 22 ? zoom : undefined,
    centre: validCentre ? [lng, lat] : undefined,
  };
}
