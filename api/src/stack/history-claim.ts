import { historySliceCount, type HistoryOptions, type SimulatedSensor } from '@citytwin/simulators';
import { findHistoryBackfill, findNewestDataMs, startHistoryBackfillMarker, type Store } from '@citytwin/store';
import type { ApiConfig } from '../config/config';

/** The marker name of the built-in simulation's history. */
export const SIMULATION_HISTORY = 'simulation';

/** What the built-in simulation's history is: enough, with the city and the fleet, to generate it again. */
export interface HistoryPlan {
  /** The history ends at the start of this instant's hour (the first start's time). */
  endMs: number;
  days: number;
  seed: number;
  appealsPerHour: number;
}

/** A history to write, from slice `fromSlice` on (0 for a new one, more when resuming). */
export interface HistoryClaim {
  plan: HistoryPlan;
  fromSlice: number;
  slices: number;
}

/** The generator's options for a plan. */
export function historyOptionsOf(plan: HistoryPlan, config: ApiConfig, sensors: readonly SimulatedSensor[]): HistoryOptions {
  return { city: config.city, sensors, seed: plan.seed, endMs: plan.endMs, days: plan.days, appealsPerHour: plan.appealsPerHour };
}

/** True when the store holds no reading and no located appeal. */
export async function isStoreEmpty(store: Store): Promise<boolean> {
  return (await findNewestDataMs(store.db)) === null;
}

/**
 * Decides whether this start writes the simulation's history. An unfinished
 * one (a start before was stopped or killed mid-way) goes on with its own plan
 * from the slices its marker records as written. Otherwise a new one is
 * written only into an empty store, and its marker is recorded first, so an
 * interruption from here on is resumed, never started afresh over the data
 * already written. Null: nothing to write (done before, or the store holds data).
 * @example await claimHistoryBackfill(store, { endMs: Date.now(), days: 28, seed: 1, appealsPerHour: 20 }, options) // { plan, fromSlice: 0, slices: 85 }
 */
export async function claimHistoryBackfill(store: Store, plan: HistoryPlan, optionsOf: (plan: HistoryPlan) => HistoryOptions): Promise<HistoryClaim | null> {
  const marker = await findHistoryBackfill<HistoryPlan>(store.db, SIMULATION_HISTORY);
  if (marker) return marker.finished ? null : { plan: marker.plan, fromSlice: marker.slicesDone, slices: marker.slices };
  if (!(await isStoreEmpty(store))) return null;
  const slices = historySliceCount(optionsOf(plan));
  if (!(await startHistoryBackfillMarker(store.db, SIMULATION_HISTORY, plan, slices))) return claimHistoryBackfill(store, plan, optionsOf);
  return { plan, fromSlice: 0, slices };
}
