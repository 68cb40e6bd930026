import { describe, expect, it } from 'vitest';
import { ApiKeysError, parseApiKeys } from './roles';

describe('parseApiKeys', () => {
  it('reads key=role pairs, ignoring blanks and spaces', () => {
    expect(parseApiKeys(' k1=admin, k2=planner ,,k3=open311')).toEqual(
      new Map([['k1', 'admin'], ['k2', 'planner'], ['k3', 'open311']]),
    );
    expect(parseApiKeys(undefined).size).toBe(0);
  });

  it.each(['k1', 'k1=boss', 'k1=admin=x', '=admin', 'k1=admin,k1=planner'])('refuses %s', (text) => {
    expect(() => parseApiKeys(text)).toThrow(ApiKeysError);
  });
});
