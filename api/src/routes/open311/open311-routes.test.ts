import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_KEYS, as, openAppealTestApp, type AppealTestApp } from '../appeals/appeal-test-app';

const SPEC_FIELDS = [
  'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
  'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
].sort();

describe('Open311 GeoReport v2', () => {
  let t: AppealTestApp;
  beforeAll(async () => {
    t = await openAppealTestApp({ env: { CITY: 'nyc' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload });

  it('lists services and serves a definition with its attributes', async () => {
    const services = (await t.app.inject({ url: '/open311/v2/services.json' })).json();
    expect(services.find((service: { service_code: string }) => service.service_code === 'road.pothole')).toEqual({
      service_code: 'road.pothole', service_name: 'Pothole', description: 'Pothole (坑洼)', metadata: false, type: 'realtime', keywords: '坑洼,road.pothole', group: 'Road damage',
    });
    const definition = (await t.app.inject({ url: '/open311/v2/services/road.json' })).json();
    expect(definition).toMatchObject({ service_code: 'road', attributes: [{ code: 'subcategory', datatype: 'singlevaluelist', values: [{ key: 'road.pothole' }, { key: 'road.sidewalk' }] }] });
  });

  it('round-trips a form-encoded request posted with api_key', async () => {
    const form = `api_key=${TEST_KEYS.open311}&service_code=road&attribute[subcategory]=road.pothole&lat=40.7411&long=-73.9897&description=Deep+pothole&first_name=Jo&last_name=Doe&phone=2125550199&email=jo%40example.org`;
    const created = await post(form);
    expect(created.statusCode, created.body).toBe(200);
    const [{ service_request_id: id, ...rest }] = created.json();
    expect(rest).toEqual({ service_notice: null, account_id: null });
    const read = (await t.app.inject({ url: `/open311/v2/requests/${id}.json?api_key=${TEST_KEYS.open311}` })).json();
    expect(Object.keys(read[0]).sort()).toEqual(SPEC_FIELDS);
    expect(read[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: 'road.pothole', service_name: 'Pothole', description: 'Deep pothole', lat: 40.7411, long: -73.9897 });
    expect(JSON.stringify(read)).not.toMatch(/2125550199|jo@example|Doe/);
    const contact = (await t.app.inject({ url: `/api/appeals/${id}`, headers: as('operator') })).json().contact;
    expect(contact).toEqual({ name: 'Jo Doe', phone: '2125550199', email: 'jo@example.org' });
  });

  it('accepts JSON with an address only', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: { api_key: TEST_KEYS.open311, service_code: 'garbage', address_string: '1 Centre St' } });
    expect(created.statusCode).toBe(200);
  });

  it.each([
    ['no api_key', 'service_code=road&lat=40.74&long=-73.99', {}, 403],
    ['an unknown api_key', 'api_key=nope&service_code=road&lat=40.74&long=-73.99', {}, 403],
    ['a planner key', 'service_code=road&lat=40.74&long=-73.99', as('planner'), 403],
    ['no service_code', `api_key=${TEST_KEYS.open311}&lat=40.74&long=-73.99`, {}, 400],
    ['a bad service_code', `api_key=${TEST_KEYS.open311}&service_code=teleport&lat=40.74&long=-73.99`, {}, 400],
    ['no location', `api_key=${TEST_KEYS.open311}&service_code=road`, {}, 400],
    ['a point outside the city', `api_key=${TEST_KEYS.open311}&service_code=road&lat=39.9&long=116.4`, {}, 400],
  ] as const)('answers a POST with %s with the spec error array', async (_case, form, headers, code) => {
    const response = await post(form, headers);
    expect(response.statusCode).toBe(code);
    expect(response.json()).toEqual([{ code, description: expect.any(String) }]);
  });

  it('answers unknown services and requests with 404 errors', async () => {
    expect((await t.app.inject({ url: '/open311/v2/services/teleport.json' })).json()).toEqual([{ code: 404, description: expect.stringContaining('teleport') }]);
    expect((await t.app.inject({ url: '/open311/v2/requests/nope.json' })).statusCode).toBe(404);
  });

  it('filters requests by id, code, status and dates of at most 90 days', async () => {
    const list = (query: string) => t.app.inject({ url: `/open311/v2/requests.json?api_key=${TEST_KEYS.open311}&${query}` });
    const all = (await list('')).json();
    expect(all.length).toBe(2);
    expect((await list('service_code=road')).json()).toHaveLength(1);
    expect((await list('status=closed')).json()).toHaveLength(0);
    expect((await list(`service_request_id=${all[0].service_request_id}`)).json()).toHaveLength(1);
    expect((await list('start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z')).json()).toEqual([{ code: 400, description: expect.stringContaining('90 days') }]);
    expect((await list('start_date=2026-06-01T00:00:00Z&end_date=2026-06-30T00:00:00Z')).json()).toHaveLength(2);
  });

  it('shows anonymous callers no free text and no location', async () => {
    const anonymous = (await t.app.inject({ url: '/open311/v2/requests.json' })).json();
    expect(anonymous).toHaveLength(2);
    for (const request of anonymous) expect(request).toMatchObject({ description: null, address: null, lat: null, long: null });
  });
});
