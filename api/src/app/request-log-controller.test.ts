import { describe, expect, it } from 'vitest';
import { redactUrl } from './request-log-controller';

describe('redactUrl', () => {
  it('hides api_key values wherever they stand in the query', () => {
    expect(redactUrl('/open311/v2/requests.json?api_key=secret&status=open')).toBe('/open311/v2/requests.json?api_key=[redacted]&status=open');
    expect(redactUrl('/x?status=open&API_KEY=secret')).toBe('/x?status=open&API_KEY=[redacted]');
    expect(redactUrl('/api/cells?layer=human')).toBe('/api/cells?layer=human');
  });
});
