import { describe, expect, it } from 'vitest';
import { CITY_PROFILES } from '../city/city-profile';
import { findAppealCategory } from './categories';
import { NYC311_COMPLAINT_CATEGORIES, nyc311Category, nyc311Channel } from './nyc311-categories';
import { parseNyc311Time, readNyc311Row } from './nyc311-row';

const NYC = CITY_PROFILES.nyc;

// First rows of ../shared/data/nyc/311/nyc311_2022-05-01_fedhere.csv and nyc311_sample8000_toddbirchard.csv (NYC Open Data).
const OPEN_DATA_ROW = {
  'Unique Key': '54046813', 'Created Date': '05/01/2022 12:00:09 AM', 'Closed Date': '05/01/2022 12:07:46 AM', Agency: 'NYPD',
  'Complaint Type': 'Noise - Street/Sidewalk', Descriptor: 'Loud Music/Party', 'Incident Address': '364 WEST  127 STREET',
  City: 'NEW YORK', Status: 'Closed', 'Open Data Channel Type': 'ONLINE', Latitude: '40.81207', Longitude: '-73.95029',
};
const EXPORT_ROW = {
  key: '27774914', created: '2014-04-03 16:37:44 UTC', agency: 'DOF', complaint_type: 'DOF Property - Reduction Issue',
  descriptor: 'Commercial Not For Profit Exemption', city: 'BRONX', latitude: '', longitude: '',
};

describe('parseNyc311Time', () => {
  it('reads Open Data times as New York wall-clock time', () => {
    expect(parseNyc311Time('05/01/2022 12:00:03 AM', NYC.timeZone)).toBe(Date.parse('2022-05-01T04:00:03Z'));
    expect(parseNyc311Time('03/24/2025 11:33:07 PM', NYC.timeZone)).toBe(Date.parse('2025-03-25T03:33:07Z'));
  });

  it('reads the export\'s mislabelled "UTC" times as local too', () => {
    expect(parseNyc311Time('2016-01-22 16:51:00 UTC', NYC.timeZone)).toBe(Date.parse('2016-01-22T21:51:00Z'));
  });

  it.each(['', 'yesterday', '13/01/2022 10:00:00 AM', '2022-02-30x'])('refuses %j', (text) => {
    expect(parseNyc311Time(text, NYC.timeZone)).toBeUndefined();
  });
});

describe('readNyc311Row', () => {
  it('maps an Open Data row with its workflow so far', () => {
    const result = readNyc311Row(OPEN_DATA_ROW, NYC);
    expect(result).toMatchObject({ ok: true, record: { externalId: 'nyc311:54046813', category: 'noise.residential', channel: 'web', lat: 40.81207 } });
    if (!result.ok) return;
    expect(result.record.steps.map((step) => step.to)).toEqual(['dispatched', 'responded', 'resolved']);
    expect(result.record.steps[0]?.departments).toEqual(['NYPD']);
  });

  it('keeps a row without coordinates, without a location', () => {
    expect(readNyc311Row(EXPORT_ROW, NYC)).toMatchObject({ ok: true, record: { lat: null, lng: null, category: 'other', channel: 'hotline' } });
  });

  it.each([
    [{ ...OPEN_DATA_ROW, 'Unique Key': '' }, 'Unique Key'],
    [{ ...OPEN_DATA_ROW, 'Created Date': 'soon' }, 'Created Date'],
    [{ ...OPEN_DATA_ROW, Latitude: '0', Longitude: '0' }, 'outside'],
    [{ ...OPEN_DATA_ROW, Longitude: '' }, 'not a point'],
  ])('refuses a bad row with a reason (%#)', (row, reason) => {
    const result = readNyc311Row(row, NYC);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });
});

describe('NYC 311 categories', () => {
  it('maps every listed complaint type to a real category', () => {
    for (const code of Object.values(NYC311_COMPLAINT_CATEGORIES)) expect(findAppealCategory(code), code).toBeDefined();
  });

  it('refines noise by descriptor and falls back to other', () => {
    expect(nyc311Category('Noise', 'Noise: Jack Hammering (NC2)')).toBe('noise.construction');
    expect(nyc311Category('HEAT/HOT WATER', 'APARTMENT ONLY')).toBe('heating.no_heat');
    expect(nyc311Category('Graffiti')).toBe('other');
    expect(nyc311Channel('PHONE')).toBe('hotline');
    expect(nyc311Channel('MOBILE')).toBe('app');
  });
});
