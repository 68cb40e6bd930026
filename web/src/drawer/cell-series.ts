/** One signal of a cell over time, with the seasonal baseline band where the api gives one. */
export interface SignalSeries {
  values: Array<number | null>;
  /** Band of ordinary values: median ± 3 robust standard deviations (the alert threshold), or null. */
  low: Array<number | null> | null;
  high: Array<number | null> | null;
}

/** A cell's two signals on one time axis (epoch seconds, as uPlot takes it). */
export interface CellSeries {
  times: number[];
  physical: SignalSeries | null;
  human: SignalSeries | null;
}

/** MAD to standard deviation for normal data (1 / Φ⁻¹(3/4)); Rousseeuw & Croux 1993. */
export const MAD_TO_SD = 1.4826;
/** Robust z at which an alert opens (the trends issue's ALERT_Z default). */
export const BAND_Z = 3;

type Json = Record<string, unknown>;

function numbers(value: unknown): Array<number | null> | null {
  return Array.isArray(value) ? value.map((item) => (typeof item === 'number' && Number.isFinite(item) ? item : null)) : null;
}

function band(median: Array<number | null> | null, mad: Array<number | null> | null, sign: 1 | -1): Array<number | null> | null {
  if (!median || !mad) return null;
  return median.map((m, index) => {
    const spread = mad[index];
    return m === null || spread === null || spread === undefined ? null : m + sign * BAND_Z * MAD_TO_SD * spread;
  });
}

function signal(raw: unknown): SignalSeries | null {
  if (!raw || typeof raw !== 'object') return null;
  const json = raw as Json;
  const values = numbers(json['values']);
  if (!values) return null;
  const baseline = (json['baseline'] ?? {}) as Json;
  const median = numbers(baseline['median']);
  const mad = numbers(baseline['mad']);
  return { values, low: numbers(baseline['low']) ?? band(median, mad, -1), high: numbers(baseline['high']) ?? band(median, mad, 1) };
}

/**
 * Reads `/api/cells/:h3/series` (trends issue): `steps` (ISO instants) and per
 * signal `values` with a `baseline` of `median` and `mad` arrays (or ready
 * `low`/`high` bounds). The band drawn is median ± 3 · 1.4826 · MAD, where
 * a reading starts to count towards an alert.
 * @example parseCellSeries({ steps: ['2026-06-01T00:00:00Z'], physical: { values: [60], baseline: { median: [55], mad: [1] } } }).physical.high // [59.4478]
 */
export function parseCellSeries(raw: unknown): CellSeries {
  const json = (raw ?? {}) as Json;
  const steps = Array.isArray(json['steps']) ? (json['steps'] as unknown[]) : [];
  return {
    times: steps.map((step) => Date.parse(String(step)) / 1000),
    physical: signal(json['physical']),
    human: signal(json['human']),
  };
}
