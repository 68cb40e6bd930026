import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../i18n/messages';
import { plainErrorKey } from './plain-error';

describe('plainErrorKey', () => {
  it.each([
    [401, 'error.signIn'],
    [403, 'error.forbidden'],
    [404, 'state.notAvailable'],
    [0, 'error.network'],
    [503, 'error.server'],
  ])('HTTP %s -> %s, a label in both languages', (status, key) => {
    expect(plainErrorKey(status)).toBe(key);
    expect(MESSAGES.zh[key]).toBeDefined();
    expect(MESSAGES.en[key]).toBeDefined();
  });
});
