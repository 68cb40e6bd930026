import type { AppealRating, AppealStatus, TransitionRequest } from './appeal-workflow';

/** The workflow state of one appeal: its status and the milestones the rates and SLA flags read (epoch ms). */
export interface AppealProgress {
  status: AppealStatus;
  departments: string[];
  dispatchedAtMs: number | null;
  /** First response; kept across a reopen, since the response rate judges the first answer. */
  respondedAtMs: number | null;
  outcome: 'resolved' | 'unresolvable' | null;
  outcomeAtMs: number | null;
  rating: AppealRating | null;
  ratedAtMs: number | null;
  closedAtMs: number | null;
  duplicateOf: string | null;
  reopenCount: number;
}

/** The progress of a newly received appeal. */
export function receivedProgress(): AppealProgress {
  return {
    status: 'received', departments: [], dispatchedAtMs: null, respondedAtMs: null, outcome: null, outcomeAtMs: null,
    rating: null, ratedAtMs: null, closedAtMs: null, duplicateOf: null, reopenCount: 0,
  };
}

/**
 * The progress after a step the caller has already checked with
 * `checkTransition`. Reopening clears the outcome and rating: the appeal is
 * open again and must be resolved and rated anew.
 * @example applyTransition(receivedProgress(), { to: 'dispatched', departments: ['sanitation'] }, 1000).dispatchedAtMs // 1000
 */
export function applyTransition(progress: AppealProgress, request: TransitionRequest, atMs: number): AppealProgress {
  const next: AppealProgress = { ...progress, status: request.to };
  switch (request.to) {
    case 'dispatched':
      return { ...next, departments: [...new Set(request.departments ?? [])], dispatchedAtMs: atMs };
    case 'responded':
      return { ...next, respondedAtMs: progress.respondedAtMs ?? atMs };
    case 'resolved':
    case 'unresolvable':
      return { ...next, outcome: request.to, outcomeAtMs: atMs };
    case 'rated':
      return { ...next, rating: request.rating ?? null, ratedAtMs: atMs };
    case 'closed':
      return { ...next, closedAtMs: atMs };
    case 'reopened':
      return { ...next, outcome: null, outcomeAtMs: null, rating: null, ratedAtMs: null, closedAtMs: null, reopenCount: progress.reopenCount + 1 };
    case 'duplicate':
      return { ...next, duplicateOf: request.duplicateOf ?? null };
    default:
      return next;
  }
}
