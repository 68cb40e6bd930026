import { describe, expect, it } from 'vitest';
import { DEFAULT_APPEAL_SLA, overdueFlags, parseSlaOverrides, slaDeadlines, slaForCategory } from './appeal-sla';

const H = 3_600_000;

describe('slaForCategory', () => {
  it('uses the exact code, then the first-level code, then the default', () => {
    expect(slaForCategory('streetlight.out').resolveWithinMs).toBe(72 * H);
    expect(slaForCategory('flooding.street').respondWithinMs).toBe(1 * H);
    expect(slaForCategory('noise.construction')).toEqual(DEFAULT_APPEAL_SLA);
  });

  it('lets overrides win over the built-in table', () => {
    const overrides = parseSlaOverrides('flooding=30m/1d, noise.construction=4h/14d');
    expect(slaForCategory('flooding.sewer', overrides)).toEqual({ respondWithinMs: 0.5 * H, resolveWithinMs: 24 * H });
    expect(slaForCategory('noise.construction', overrides).resolveWithinMs).toBe(14 * 24 * H);
    expect(slaForCategory('noise.traffic', overrides)).toEqual(DEFAULT_APPEAL_SLA);
  });

  it('lets a * override replace the default but not the built-in table', () => {
    const overrides = parseSlaOverrides('*=24h/7d');
    expect(slaForCategory('noise.traffic', overrides).respondWithinMs).toBe(24 * H);
    expect(slaForCategory('flooding.street', overrides).respondWithinMs).toBe(1 * H);
  });

  it.each(['noise', 'noise=2h', 'noise=2x/7d', '=2h/7d'])('refuses the override %s', (text) => {
    expect(() => parseSlaOverrides(text)).toThrow(RangeError);
  });
});

describe('overdueFlags', () => {
  const due = slaDeadlines(0, DEFAULT_APPEAL_SLA);
  const open = { status: 'dispatched', ...due, respondedAtMs: null, outcomeAtMs: null };

  it('is not overdue before the deadlines', () => {
    expect(overdueFlags(open, 1 * H)).toEqual({ responseOverdue: false, resolutionOverdue: false });
  });

  it('flags a missing response after 2 h and a missing outcome after 7 days', () => {
    expect(overdueFlags(open, 3 * H)).toEqual({ responseOverdue: true, resolutionOverdue: false });
    expect(overdueFlags(open, 8 * 24 * H)).toEqual({ responseOverdue: true, resolutionOverdue: true });
  });

  it('judges a step that happened by when it happened, not by now', () => {
    const done = { ...open, status: 'resolved', respondedAtMs: 1 * H, outcomeAtMs: 3 * 24 * H };
    expect(overdueFlags(done, 30 * 24 * H)).toEqual({ responseOverdue: false, resolutionOverdue: false });
    expect(overdueFlags({ ...done, respondedAtMs: 2 * H + 1 }, 30 * 24 * H).responseOverdue).toBe(true);
  });

  it('never flags a duplicate', () => {
    expect(overdueFlags({ ...open, status: 'duplicate' }, 30 * 24 * H)).toEqual({ responseOverdue: false, resolutionOverdue: false });
  });
});
