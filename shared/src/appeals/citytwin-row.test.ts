import { describe, expect, it } from 'vitest';
import { CITY_PROFILES } from '../city/city-profile';
import { readCitytwinRow } from './citytwin-row';

const BEIJING = CITY_PROFILES.beijing;
const ROW = { category: 'noise.construction', channel: 'hotline', description: 'Drilling at night', lat: 39.91, lng: 116.4, receivedAt: '2026-06-01T22:10:00+08:00' };

describe('readCitytwinRow', () => {
  it('reads a row and hashes a stable id when it brings none', () => {
    const first = readCitytwinRow(ROW, BEIJING);
    const again = readCitytwinRow({ ...ROW }, BEIJING);
    expect(first).toMatchObject({ ok: true, record: { category: 'noise.construction', receivedAtMs: Date.parse('2026-06-01T14:10:00Z'), contact: null } });
    expect(first.ok && again.ok && first.record.externalId === again.record.externalId).toBe(true);
  });

  it('reads a time without offset in the city time zone and keeps contact data', () => {
    const result = readCitytwinRow({ ...ROW, receivedAt: '2026-06-01 22:10:00', externalId: 'x1', contactName: 'Li', contactPhone: '138' }, BEIJING);
    expect(result).toMatchObject({ ok: true, record: { externalId: 'x1', receivedAtMs: Date.parse('2026-06-01T14:10:00Z'), contact: { name: 'Li', phone: '138', email: null } } });
  });

  it.each([
    [{ ...ROW, category: 'nope' }, 'category'],
    [{ ...ROW, channel: 'fax' }, 'channel'],
    [{ ...ROW, receivedAt: '' }, 'receivedAt'],
    [{ ...ROW, lat: 10 }, 'outside'],
  ])('refuses a bad row (%#)', (row, reason) => {
    const result = readCitytwinRow(row, BEIJING);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});
