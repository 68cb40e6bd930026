/** The steps of a space-time cube or a series. */
export const TIME_STEPS = ['hour', 'day', 'week'] as const;
export type TimeStep = (typeof TIME_STEPS)[number];

export const STEP_MS: Readonly<Record<TimeStep, number>> = { hour: 3_600_000, day: 86_400_000, week: 604_800_000 };

/** Monday 1970-01-05T00:00Z: weeks start on Mondays (ISO 8601), in UTC. */
const FIRST_MONDAY_MS = 4 * 86_400_000;

/** Equal steps covering a window: step k is [originMs + k stepMs, originMs + (k + 1) stepMs). */
export interface StepGridSpan {
  originMs: number;
  stepMs: number;
  steps: number;
}

/**
 * The whole UTC hours, days or weeks (Monday to Monday) that cover
 * [fromMs, toMs): the first starts at or before `fromMs`, the last ends at or
 * after `toMs`.
 * @example alignSteps(Date.parse('2026-06-01T10:30Z'), Date.parse('2026-06-01T12:00Z'), 'hour') // { originMs: 10:00, stepMs: 3600000, steps: 2 }
 */
export function alignSteps(fromMs: number, toMs: number, step: TimeStep): StepGridSpan {
  const stepMs = STEP_MS[step];
  const offset = step === 'week' ? FIRST_MONDAY_MS : 0;
  const originMs = Math.floor((fromMs - offset) / stepMs) * stepMs + offset;
  return { originMs, stepMs, steps: Math.max(0, Math.ceil((toMs - originMs) / stepMs)) };
}

/** The start of every step of a grid, as ISO-8601 strings. */
export function stepStarts(grid: StepGridSpan): string[] {
  return Array.from({ length: grid.steps }, (_, k) => new Date(grid.originMs + k * grid.stepMs).toISOString());
}
