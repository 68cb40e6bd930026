import { describe, expect, it } from 'vitest';
import { METRIC_CODES, METRICS } from '@citytwin/shared';
import { MESSAGES } from './messages';
import { unitKey } from './metric-unit';

describe('metric units', () => {
  it('has every catalogue unit in both languages, the English one as the catalogue writes it', () => {
    for (const code of METRIC_CODES) {
      expect(MESSAGES.en[unitKey(METRICS[code])]).toBe(METRICS[code].unit);
      expect(MESSAGES.zh[unitKey(METRICS[code])]).toBeTruthy();
    }
  });
});
