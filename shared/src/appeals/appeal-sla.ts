import { topCategoryOf } from './categories';

/** Service-level agreement of a category: how fast the city must respond and resolve. */
export interface AppealSla {
  respondWithinMs: number;
  resolveWithinMs: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Beijing 12345 practice: answer within 2 hours, settle within 7 days. */
export const DEFAULT_APPEAL_SLA: AppealSla = { respondWithinMs: 2 * HOUR_MS, resolveWithinMs: 7 * DAY_MS };

/** Urgent categories get tighter deadlines (a flooded street cannot wait a week). */
export const CATEGORY_SLAS: Readonly<Record<string, AppealSla>> = {
  flooding: { respondWithinMs: 1 * HOUR_MS, resolveWithinMs: 2 * DAY_MS },
  heating: { respondWithinMs: 2 * HOUR_MS, resolveWithinMs: 1 * DAY_MS },
  water_supply: { respondWithinMs: 2 * HOUR_MS, resolveWithinMs: 1 * DAY_MS },
  social_risk: { respondWithinMs: 1 * HOUR_MS, resolveWithinMs: 3 * DAY_MS },
  'streetlight.out': { respondWithinMs: 2 * HOUR_MS, resolveWithinMs: 3 * DAY_MS },
};

/**
 * The SLA of a category: an override or built-in entry for the exact code,
 * then for its first-level code, then the `*` override, then the default.
 * @example slaForCategory('flooding.street').respondWithinMs // 3_600_000
 */
export function slaForCategory(category: string, overrides: Readonly<Record<string, AppealSla>> = {}): AppealSla {
  const top = topCategoryOf(category) ?? category;
  return overrides[category] ?? CATEGORY_SLAS[category] ?? overrides[top] ?? CATEGORY_SLAS[top] ?? overrides['*'] ?? DEFAULT_APPEAL_SLA;
}

const DURATION = /^(\d+(?:\.\d+)?)(m|h|d)$/;
const UNIT_MS = { m: 60_000, h: HOUR_MS, d: DAY_MS } as const;

function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/**
 * Parses SLA overrides written `category=respond/resolve,...` with durations in
 * m, h or d; `*` sets the default of every category without its own entry.
 * Throws a RangeError naming the bad entry.
 * @example parseSlaOverrides('*=24h/7d,noise=2h/7d,heating=1h/12h')
 */
export function parseSlaOverrides(text: string | undefined): Record<string, AppealSla> {
  const overrides: Record<string, AppealSla> = {};
  for (const entry of (text ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const [category, spans] = entry.split('=');
    const [respond, resolve] = (spans ?? '').split('/');
    const respondWithinMs = parseDuration(respond ?? '');
    const resolveWithinMs = parseDuration(resolve ?? '');
    if (!category || respondWithinMs === undefined || resolveWithinMs === undefined) {
      throw new RangeError(`SLA entry "${entry}" is not category=<respond>/<resolve> like noise=2h/7d`);
    }
    overrides[category.trim()] = { respondWithinMs, resolveWithinMs };
  }
  return overrides;
}

/** The deadlines of an appeal received at `receivedAtMs` (epoch ms). */
export function slaDeadlines(receivedAtMs: number, sla: AppealSla): { responseDueMs: number; resolutionDueMs: number } {
  return { responseDueMs: receivedAtMs + sla.respondWithinMs, resolutionDueMs: receivedAtMs + sla.resolveWithinMs };
}

/** What the overdue flags are computed from (all times epoch ms). */
export interface SlaProgress {
  status: string;
  responseDueMs: number | null;
  resolutionDueMs: number | null;
  respondedAtMs: number | null;
  /** When it became resolved or unresolvable; null while still open. */
  outcomeAtMs: number | null;
}

/**
 * Overdue flags at `nowMs`: a step is overdue when it happened after its
 * deadline, or has not happened and the deadline has passed. Duplicates are never overdue.
 */
export function overdueFlags(progress: SlaProgress, nowMs: number): { responseOverdue: boolean; resolutionOverdue: boolean } {
  if (progress.status === 'duplicate') return { responseOverdue: false, resolutionOverdue: false };
  const late = (due: number | null, doneAt: number | null) => due !== null && (doneAt ?? nowMs) > due;
  return {
    responseOverdue: late(progress.responseDueMs, progress.respondedAtMs),
    resolutionOverdue: late(progress.resolutionDueMs, progress.outcomeAtMs),
  };
}
