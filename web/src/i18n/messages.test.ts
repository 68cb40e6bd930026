import { describe, expect, it } from 'vitest';
import { SENSOR_KINDS } from '@citytwin/shared';
import { MESSAGES, messageKeyOwners } from './messages';

describe('the label catalogue', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(MESSAGES.zh).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    for (const lang of ['zh', 'en'] as const) {
      for (const [key, text] of Object.entries(MESSAGES[lang])) expect(text.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('gives each key to one area only', () => {
    const shared = [...messageKeyOwners()].filter(([, owners]) => owners > 1).map(([key]) => key);
    expect(shared).toEqual([]);
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(MESSAGES.en)) expect(placeholders(MESSAGES.zh[key]!), key).toEqual(placeholders(MESSAGES.en[key]!));
  });

  it('names every sensor kind of the catalogue in both languages (the wall\'s fleet scene)', () => {
    for (const kind of SENSOR_KINDS) {
      for (const lang of ['zh', 'en'] as const) expect(MESSAGES[lang][`wall.fleet.kind.${kind}`], `${lang} ${kind}`).toBeTruthy();
      expect(MESSAGES.zh[`wall.fleet.kind.${kind}`], kind).not.toBe(kind);
    }
  });
});
