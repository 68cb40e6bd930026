import type { TestBackend } from '@citytwin/store/testing';
import { openTestApp, type TestApp } from '../../testing/test-app';

/** API keys of the appeal tests, one per role. */
export const TEST_KEYS = { admin: 'k-admin', operator: 'k-operator', planner: 'k-planner', open311: 'k-open311' } as const;

export type AppealTestApp = TestApp;

/** A test app with one key per role and the clock at 2026-06-15T04:00Z. For tests only. */
export function openAppealTestApp(options: { backend?: TestBackend; env?: Record<string, string> } = {}): Promise<AppealTestApp> {
  return openTestApp({
    ...(options.backend ? { backend: options.backend } : {}),
    env: { API_KEYS: Object.entries(TEST_KEYS).map(([role, key]) => `${key}=${role}`).join(','), ...options.env },
    nowMs: Date.parse('2026-06-15T04:00:00Z'),
  });
}

/** The Authorization header of a role's key. */
export function as(role: keyof typeof TEST_KEYS): { authorization: string } {
  return { authorization: `Bearer ${TEST_KEYS[role]}` };
}
