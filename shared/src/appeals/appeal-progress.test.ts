import { describe, expect, it } from 'vitest';
import { applyTransition, receivedProgress, type AppealProgress } from './appeal-progress';
import type { TransitionRequest } from './appeal-workflow';

function run(steps: ReadonlyArray<readonly [TransitionRequest, number]>): AppealProgress {
  return steps.reduce((progress, [request, atMs]) => applyTransition(progress, request, atMs), receivedProgress());
}

describe('applyTransition', () => {
  it('records each milestone of a joint case', () => {
    const progress = run([
      [{ to: 'dispatched', departments: ['water', 'street', 'water'] }, 1],
      [{ to: 'responded' }, 2],
      [{ to: 'resolved' }, 3],
      [{ to: 'rated', rating: 'basically_satisfied' }, 4],
      [{ to: 'closed' }, 5],
    ]);
    expect(progress).toMatchObject({
      status: 'closed', departments: ['water', 'street'], dispatchedAtMs: 1, respondedAtMs: 2, outcome: 'resolved', outcomeAtMs: 3,
      rating: 'basically_satisfied', ratedAtMs: 4, closedAtMs: 5,
    });
  });

  it('keeps the first response but clears outcome and rating on reopen', () => {
    const progress = run([
      [{ to: 'dispatched', departments: ['a'] }, 1], [{ to: 'responded' }, 2], [{ to: 'resolved' }, 3],
      [{ to: 'rated', rating: 'dissatisfied' }, 4], [{ to: 'reopened' }, 5], [{ to: 'dispatched', departments: ['b'] }, 6], [{ to: 'responded' }, 7],
    ]);
    expect(progress).toMatchObject({ status: 'responded', respondedAtMs: 2, outcome: null, rating: null, departments: ['b'], reopenCount: 1 });
  });

  it('links a duplicate to its master', () => {
    expect(run([[{ to: 'duplicate', duplicateOf: 'm1' }, 1]])).toMatchObject({ status: 'duplicate', duplicateOf: 'm1' });
  });
});
