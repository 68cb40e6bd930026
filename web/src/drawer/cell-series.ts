/** One signal of a cell over time, with the seasonal baseline band where the api gives one. */
export interface SignalSeries {
  values: Array<number | null>;
  /** Band of ordinary values (the api's baseline low and high), or null where there is none. */
  low: Array<number | null> | null;
  high: Array<number | null> | null;
}

/** A cell's two signals on one time axis (epoch seconds, as uPlot takes it). */
export interface CellSeries {
  times: number[];
  physical: SignalSeries | null;
  human: SignalSeries | null;
}


type Json = Record<string, unknown>;




interface Band { low: number; high: number }

function bound(band: unknown, side: keyof Band): number | null {
  const value = band && typeof band === 'object' ? (band as Record<string, unknown>)[side] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Reads `/api/cells/:h3/series`: one point per step (`at`) with the mean
 * reading (`value`), the appeal count (`appeals`) and each signal's
 * hour-of-week baseline band (`valueBaseline`, `appealsBaseline`: `low` and
 * `high`, the api's median ± z · 1.4826 · MAD). A signal the answer does not
 * carry (no metric asked, appeals withheld) is null.
 * @example parseCellSeries({ points: [{ at: '2026-06-01T00:00:00Z', value: 60, appeals: 2, valueBaseline: { median: 55, mad: 1, low: 50.6, high: 59.4 }, appealsBaseline: null }] }).physical.high // [59.4]
 */
export function parseCellSeries(raw: unknown): CellSeries {
  const json = (raw ?? {}) as Json;
  const points = (Array.isArray(json['points']) ? json['points'] : []) as Json[];
  const hasMetric = typeof json['metric'] === 'string' || points.some((point) => 'value' in point);
  const hasAppeals = points.some((point) => point['appeals'] !== null && point['appeals'] !== undefined);
  return {
    times: points.map((point) => Date.parse(String(point['at'])) / 1000),
    physical: hasMetric ? {
      values: points.map((point) => finite(point['value'])),
      low: points.map((point) => bound(point['valueBaseline'], 'low')),
      high: points.map((point) => bound(point['valueBaseline'], 'high')),
    } : null,
    human: hasAppeals ? {
      values: points.map((point) => finite(point['appeals'])),
      low: points.map((point) => bound(point['appealsBaseline'], 'low')),
      high: points.map((point) => bound(point['appealsBaseline'], 'high')),
    } : null,
  };
}
