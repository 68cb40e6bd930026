import type { SeededRandom } from '../random/seeded-random';

/** Per-message probabilities of each fault (0..1). */
export interface FaultRates {
  /** A healthy sensor goes silent for 10-60 reports. */
  dropout: number;
  /** The sensor repeats its last value for 10-60 reports. */
  stuck: number;
  /** One value jumps 3-8x (an electrical spike). */
  spike: number;
  /** The sensor's clock drifts: from then on its stamps are off by -2 h .. +15 min. */
  skew: number;
  /** The payload is garbled (truncated JSON, a string value, no values). */
  malformed: number;
  /** The message is published twice (a retry after a lost ack). */
  duplicate: number;
}

export const FAULT_KINDS = ['dropout', 'stuck', 'spike', 'skew', 'malformed', 'duplicate'] as const;
export const NO_FAULTS: FaultRates = { dropout: 0, stuck: 0, spike: 0, skew: 0, malformed: 0, duplicate: 0 };
/** Rates in the range field reports of low-cost sensor networks show (a few per thousand). */
export const REALISTIC_FAULTS: FaultRates = { dropout: 0.002, stuck: 0.001, spike: 0.002, skew: 0.0005, malformed: 0.001, duplicate: 0.005 };

/**
 * Parses `--faults`: `none`, `realistic`, or `kind=rate,...` (unlisted kinds 0).
 *
 * @example parseFaultRates('spike=0.01,duplicate=0.05').spike // 0.01
 */
export function parseFaultRates(text: string): FaultRates {
  if (text === 'none') return { ...NO_FAULTS };
  if (text === 'realistic') return { ...REALISTIC_FAULTS };
  const rates: FaultRates = { ...NO_FAULTS };
  for (const part of text.split(',')) {
    const [kind, value] = part.split('=');
    const rate = Number(value);
    if (!(FAULT_KINDS as readonly string[]).includes(kind ?? '') || value === undefined || !(rate >= 0 && rate <= 1)) {
      throw new RangeError(`--faults: "${part}" is not kind=rate with kind one of ${FAULT_KINDS.join(', ')} and rate 0..1`);
    }
    rates[kind as keyof FaultRates] = rate;
  }
  return rates;
}

interface SensorFaultState {
  silentFor: number;
  stuckFor: number;
  stuckValues: Record<string, number> | undefined;
  skewMs: number;
}

/** What the faults do to one report. */
export interface FaultDecision {
  drop: boolean;
  stuckValues: Record<string, number> | undefined;
  spikeFactor: number;
  skewMs: number;
  malformed: boolean;
  duplicate: boolean;
}

/** Draws faults per report and remembers per-sensor fault state (silence, stuck values, skew). */
export class FaultInjector {
  private readonly states = new Map<string, SensorFaultState>();

  constructor(private readonly rates: FaultRates, private readonly random: SeededRandom) {}

  get active(): boolean {
    return FAULT_KINDS.some((kind) => this.rates[kind] > 0);
  }

  private state(sensorId: string): SensorFaultState {
    let state = this.states.get(sensorId);
    if (!state) {
      state = { silentFor: 0, stuckFor: 0, stuckValues: undefined, skewMs: 0 };
      this.states.set(sensorId, state);
    }
    return state;
  }

  /** Decides the faults of the next report of `sensorId`; `lastValues` is what it sent last. */
  decide(sensorId: string, lastValues: Record<string, number> | undefined): FaultDecision {
    const state = this.state(sensorId);
    const r = this.random;
    if (state.silentFor === 0 && r.next() < this.rates.dropout) state.silentFor = 10 + Math.floor(r.next() * 50);
    if (state.stuckFor === 0 && lastValues && r.next() < this.rates.stuck) {
      state.stuckFor = 10 + Math.floor(r.next() * 50);
      state.stuckValues = lastValues;
    }
    if (r.next() < this.rates.skew) state.skewMs = Math.round(r.between(-2 * 3_600_000, 15 * 60_000));
    const drop = state.silentFor > 0;
    if (drop) state.silentFor -= 1;
    const stuckValues = state.stuckFor > 0 ? state.stuckValues : undefined;
    if (state.stuckFor > 0) state.stuckFor -= 1;
    return {
      drop,
      stuckValues,
      spikeFactor: r.next() < this.rates.spike ? r.between(3, 8) : 1,
      skewMs: state.skewMs,
      malformed: r.next() < this.rates.malformed,
      duplicate: r.next() < this.rates.duplicate,
    };
  }
}

/** A garbled payload of one of the shapes broken firmware sends. */
export function malformedPayload(valid: string, random: SeededRandom): string {
  const shape = Math.floor(random.next() * 3);
  if (shape === 0) return valid.slice(0, Math.max(1, Math.floor(valid.length / 2)));
  if (shape === 1) return valid.replace(/:(-?\d+(\.\d+)?)/, ':"$1"');
  return JSON.stringify({ ts: 'yesterday' });
}
