/** Where an appeal is in the 接诉即办 workflow. */
export const APPEAL_STATUSES = [
  'received', 'dispatched', 'responded', 'resolved', 'unresolvable', 'rated', 'closed', 'reopened', 'duplicate',
] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** The resident's verdict on the follow-up call (回访): 满意 / 基本满意 / 不满意. */
export const APPEAL_RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type AppealRating = (typeof APPEAL_RATINGS)[number];

/** How an appeal reached the city. */
export const APPEAL_CHANNELS = ['hotline', 'app', 'web', 'wechat', 'open311'] as const;
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];

/**
 * The legal next statuses of each status. A joint case (吹哨报到) is one
 * `dispatched` step naming several departments; `reopened` goes back to dispatch.
 */
export const APPEAL_TRANSITIONS: Readonly<Record<AppealStatus, readonly AppealStatus[]>> = {
  received: ['dispatched', 'duplicate'],
  dispatched: ['responded', 'duplicate'],
  responded: ['resolved', 'unresolvable'],
  resolved: ['rated', 'reopened'],
  unresolvable: ['rated'],
  rated: ['closed', 'reopened'],
  closed: [],
  reopened: ['dispatched'],
  duplicate: [],
};

/** A request to move an appeal on, as `POST /api/appeals/:id/events` carries it. */
export interface TransitionRequest {
  to: AppealStatus;
  departments?: readonly string[];
  rating?: AppealRating;
  duplicateOf?: string;
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; problem: 'illegal' | 'missing'; field?: 'departments' | 'rating' | 'duplicateOf'; message: string };

/** True when `value` is a status code. */
export function isAppealStatus(value: string): value is AppealStatus {
  return (APPEAL_STATUSES as readonly string[]).includes(value);
}

/** True when `to` may follow `from`. */
export function canTransition(from: AppealStatus, to: AppealStatus): boolean {
  return APPEAL_TRANSITIONS[from].includes(to);
}

function missingField(request: TransitionRequest): TransitionCheck | undefined {
  if (request.to === 'dispatched' && !(request.departments && request.departments.length > 0)) {
    return { ok: false, problem: 'missing', field: 'departments', message: 'dispatching needs at least one department' };
  }
  if (request.to === 'rated' && !request.rating) {
    return { ok: false, problem: 'missing', field: 'rating', message: `rating needs one of ${APPEAL_RATINGS.join(', ')}` };
  }
  if (request.to === 'duplicate' && !request.duplicateOf) {
    return { ok: false, problem: 'missing', field: 'duplicateOf', message: 'a duplicate names its master appeal' };
  }
  return undefined;
}

/**
 * Checks one workflow step: is `request.to` legal after `from`, and does the
 * request carry what that step needs (departments, rating, master appeal)?
 * @example checkTransition('received', { to: 'responded' }) // { ok: false, problem: 'illegal', ... }
 */
export function checkTransition(from: AppealStatus, request: TransitionRequest): TransitionCheck {
  if (!canTransition(from, request.to)) {
    const legal = APPEAL_TRANSITIONS[from];
    const next = legal.length > 0 ? `it can go to ${legal.join(', ')}` : `${from} is final`;
    return { ok: false, problem: 'illegal', message: `an appeal that is ${from} cannot become ${request.to}; ${next}` };
  }
  return missingField(request) ?? { ok: true };
}
