import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realDataPath } from '../../testing/real-data';
import { as, openAppealTestApp, type AppealTestApp } from './appeal-test-app';

const NYC311_DIR = realDataPath('nyc/311');

// Real NYC Open Data files (../shared/data/nyc/311): every row is valid; rows without coordinates are kept without a cell.
const REAL_FILES = [
  { file: 'nyc311_2022-05-01_fedhere.csv', rows: 924, withoutPoint: 11, resolved: 480 },
  { file: 'nyc311_2025-03_somaiyahhafeez.csv', rows: 235, withoutPoint: 3, resolved: 195 }, // 198 Closed, 3 of them without a Closed Date
  { file: 'nyc311_redhook_2016_as10724.csv', rows: 117, withoutPoint: 1, resolved: 117 },
  { file: 'nyc311_sample8000_toddbirchard.csv', rows: 8000, withoutPoint: 821, resolved: 0 },
] as const;

describe('POST /api/appeals/import', () => {
  let t: AppealTestApp;
  beforeAll(async () => {
    t = await openAppealTestApp({ env: { CITY: 'nyc' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const importCsv = (csv: string, query = 'format=nyc311', role: 'admin' | 'planner' = 'admin') =>
    t.app.inject({ method: 'POST', url: `/api/appeals/import?${query}`, headers: { ...as(role), 'content-type': 'text/csv' }, payload: csv });

  it.each(REAL_FILES)('imports $file: $rows rows, none rejected, and nothing the second time', async ({ file, rows, withoutPoint, resolved }) => {
    const csv = await readFile(join(NYC311_DIR, file), 'utf8');
    expect((await importCsv(csv)).json()).toEqual({ imported: rows, duplicates: 0, rejected: [] });
    expect((await importCsv(csv)).json()).toEqual({ imported: 0, duplicates: rows, rejected: [] });
    const firstKey = csv.split('\n')[1]!.split(',')[0];
    const [stored] = await t.store.db.query<{ n: number; unlocated: number; resolved: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE cell IS NULL)::int AS unlocated, count(*) FILTER (WHERE outcome = 'resolved')::int AS resolved
       FROM appeals WHERE external_id = ANY($1::text[])`,
      [[...csv.matchAll(/^(\d+),/gm)].map((match) => `nyc311:${match[1]}`)],
    );
    expect(stored).toEqual({ n: rows, unlocated: withoutPoint, resolved });
    expect(firstKey).toMatch(/^\d+$/);
  });

  it('reads Created Date as New York time and maps the first row of the Red Hook file', async () => {
    const detail = await t.app.inject({ url: '/api/appeals?limit=1&from=2016-06-21T02:04:00Z&to=2016-06-21T02:05:00Z', headers: as('operator') });
    expect(detail.json().appeals[0]).toMatchObject({
      externalId: 'nyc311:33648024', receivedAt: '2016-06-21T02:04:21.000Z', category: 'noise.residential', district: 'Brooklyn',
      status: 'resolved', departments: ['NYPD'], respondedAt: '2016-06-21T03:12:32.000Z',
    });
    expect(detail.json().appeals[0].street).toMatch(/Red Hook/);
  });

  it('reports each bad row with its file row number and reason, and imports the rest', async () => {
    const csv = (await readFile(join(NYC311_DIR, 'nyc311_redhook_2016_as10724.csv'), 'utf8')).split('\n').slice(0, 4);
    const header = csv[0]!;
    const badDate = csv[1]!.replace(/^33648024,06\/20\/2016 10:04:21 PM/, '90000001,someday');
    const noKey = csv[2]!.replace(/^\d+,/, ',');
    const body = [header, badDate, noKey, csv[3]!.replace(/^\d+,/, '90000003,')].join('\n');
    const result = (await importCsv(body, 'format=nyc311&rowOffset=100')).json();
    expect(result.imported).toBe(1);
    expect(result.rejected).toEqual([
      { row: 101, reason: expect.stringContaining('Created Date') },
      { row: 102, reason: 'no Unique Key' },
    ]);
  });

  it('imports CityTwin JSON rows with contact data, idempotently', async () => {
    const rows = [
      { externalId: 'ct-1', category: 'flooding.street', channel: 'app', lat: 40.7128, lng: -74.006, receivedAt: '2026-06-01 08:00:00', contact: { name: 'Ana Ruiz', phone: '+1 212 555 0100' } },
      { category: 'noise', channel: 'web', address: '1 Centre St', receivedAt: '2026-06-01T12:00:00Z' },
      { category: 'not-a-category', channel: 'web', receivedAt: '2026-06-01T12:00:00Z' },
    ];
    const send = () => t.app.inject({ method: 'POST', url: '/api/appeals/import?format=citytwin', headers: as('operator'), payload: rows });
    expect((await send()).json()).toEqual({ imported: 2, duplicates: 0, rejected: [{ row: 3, reason: expect.stringContaining('category') }] });
    expect((await send()).json()).toMatchObject({ imported: 0, duplicates: 2 });
  });

  it('refuses planners, unknown formats and a body that is no CSV', async () => {
    expect((await importCsv('a,b\n1,2', 'format=nyc311', 'planner')).statusCode).toBe(403);
    expect((await importCsv('a,b\n1,2', 'format=excel')).json()).toMatchObject({ code: 'CT_ERR_BAD_PARAMETER', parameter: 'format' });
    expect((await importCsv('"unterminated\n1,2')).json()).toMatchObject({ code: 'CT_ERR_BAD_PARAMETER', parameter: 'body' });
  });
});
