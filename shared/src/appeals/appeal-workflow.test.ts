import { describe, expect, it } from 'vitest';
import { APPEAL_STATUSES, checkTransition, type AppealStatus, type TransitionRequest } from './appeal-workflow';

const LEGAL: ReadonlyArray<readonly [AppealStatus, AppealStatus]> = [
  ['received', 'dispatched'], ['received', 'duplicate'],
  ['dispatched', 'responded'], ['dispatched', 'duplicate'],
  ['responded', 'resolved'], ['responded', 'unresolvable'],
  ['resolved', 'rated'], ['resolved', 'reopened'],
  ['unresolvable', 'rated'],
  ['rated', 'closed'], ['rated', 'reopened'],
  ['reopened', 'dispatched'],
];

function complete(to: AppealStatus): TransitionRequest {
  return { to, departments: ['sanitation'], rating: 'satisfied', duplicateOf: 'master-1' };
}

const isLegal = (from: AppealStatus, to: AppealStatus) => LEGAL.some(([a, b]) => a === from && b === to);
const ALL_PAIRS = APPEAL_STATUSES.flatMap((from) => APPEAL_STATUSES.map((to) => [from, to] as const));

describe('checkTransition', () => {
  it.each(LEGAL)('allows %s -> %s', (from, to) => {
    expect(checkTransition(from, complete(to))).toEqual({ ok: true });
  });

  it.each(ALL_PAIRS.filter(([from, to]) => !isLegal(from, to)))('refuses %s -> %s as illegal', (from, to) => {
    const check = checkTransition(from, complete(to));
    expect(check).toMatchObject({ ok: false, problem: 'illegal' });
  });

  it('covers all 81 pairs: 12 legal, 69 illegal', () => {
    expect(ALL_PAIRS).toHaveLength(81);
    expect(ALL_PAIRS.filter(([from, to]) => isLegal(from, to))).toHaveLength(12);
  });

  it.each([
    ['received', { to: 'dispatched' }, 'departments'],
    ['received', { to: 'dispatched', departments: [] }, 'departments'],
    ['resolved', { to: 'rated' }, 'rating'],
    ['received', { to: 'duplicate' }, 'duplicateOf'],
  ] as const)('from %s, %j lacks %s', (from, request, field) => {
    expect(checkTransition(from, request)).toMatchObject({ ok: false, problem: 'missing', field });
  });

  it('explains what an illegal step could have been instead', () => {
    const check = checkTransition('received', { to: 'resolved' });
    expect(check.ok ? '' : check.message).toContain('dispatched, duplicate');
  });
});
