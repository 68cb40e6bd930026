import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, loadConfig } from '@citytwin/api';
import { waitFor } from '@citytwin/ingest/testing';
import { runImportAreas } from '@citytwin/simulators';
import { openStore, type Store } from '@citytwin/store';
import { createTestDatabase } from '@citytwin/store/testing';

// Real files shipped with the product: Beijing's 16 districts (GCJ-02), imported here as the street level.
const BEIJING_DISTRICTS = fileURLToPath(new URL('../../api/cities/beijing/districts.geojson', import.meta.url));
const NYC_NTAS = fileURLToPath(new URL('../../api/cities/nyc/ntas.geojson', import.meta.url));
const ADMIN = { authorization: 'Bearer areas-admin' };
const OPERATOR = { authorization: 'Bearer areas-operator' };
const DONGCHENG = { lat: 39.9289, lng: 116.4173 };
const NOW_MS = Date.parse('2026-06-20T04:00:00Z');

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return { stream: new Writable({ write(chunk: Buffer, _encoding, done) { chunks.push(chunk.toString()); done(); } }), text: () => chunks.join('') };
}

async function twin(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = capture();
  const stderr = capture();
  const code = await runImportAreas(argv, { stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('pnpm twin import-areas: a city\'s own polygons in the store, used by the area lookup and the rankings', () => {
  let database: { url: string; drop(): Promise<void> };
  const stores: Store[] = [];
  const apps: Array<Awaited<ReturnType<typeof buildApp>>> = [];
  let api: string;

  const instance = async () => {
    const store = await openStore({ databaseUrl: database.url, maxConnections: 4 });
    stores.push(store);
    const config = loadConfig({ API_KEYS: 'areas-admin=admin,areas-operator=operator,areas-planner=planner', SIMULATE: 'off', WEB_DIST_DIR: '/nonexistent' });
    const app = await buildApp({ store, config, logger: pino({ level: 'silent' }), broker: 'external', clock: () => NOW_MS });
    apps.push(app);
    return app;
  };
  const streetsIn = async (app: (typeof apps)[number]) => (await app.inject({ method: 'GET', url: '/api/health' })).json().areas.street as number;

  beforeAll(async () => {
    delete process.env['CITYTWIN_API_KEY'];
    database = await createTestDatabase();
    api = await (await instance()).listen({ port: 0, host: '127.0.0.1' });
    await instance();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const store of stores) await store.close();
    await database?.drop();
  });

  it('imports a real GCJ-02 file, reassigns stored appeals, serves new ones, and reloads the other API instance without a restart', async () => {
    const [first, other] = apps as [(typeof apps)[number], (typeof apps)[number]];
    expect(await streetsIn(first)).toBe(0);
    const before = await first.inject({ method: 'POST', url: '/api/appeals', headers: OPERATOR, payload: { category: 'garbage', channel: 'app', ...DONGCHENG, receivedAt: '2026-06-15T02:00:00Z' } });
    expect(before.json()).toMatchObject({ district: '东城区', street: null });

    const result = await twin([BEIJING_DISTRICTS, '--level', 'street', '--name-property', 'name', '--datum', 'gcj02', '--api', api, '--key', 'areas-admin']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^districts\.geojson: 16 street areas \(\d+ polygons\) in use; 1 stored appeals given their street again\n$/);

    expect(await streetsIn(first)).toBe(16);
    expect((await first.inject({ method: 'GET', url: `/api/appeals/${before.json().id}`, headers: ADMIN })).json()).toMatchObject({ street: '东城区' });
    const after = await first.inject({ method: 'POST', url: '/api/appeals', headers: OPERATOR, payload: { category: 'garbage', channel: 'app', ...DONGCHENG, receivedAt: '2026-06-16T02:00:00Z' } });
    expect(after.json()).toMatchObject({ district: '东城区', street: '东城区' });
    const rankings = (await first.inject({ method: 'GET', url: '/api/rankings?level=street&month=2026-06', headers: ADMIN })).json();
    expect(rankings.rows.map((row: { area: string }) => row.area)).toEqual(['东城区']);
    // The other instance heard the import's NOTIFY and reloaded its areas.
    await waitFor('the other instance reloaded', async () => (await streetsIn(other)) === 16, 10_000);
    const elsewhere = await other.inject({ method: 'POST', url: '/api/appeals', headers: OPERATOR, payload: { category: 'garbage', channel: 'app', ...DONGCHENG, receivedAt: '2026-06-17T02:00:00Z' } });
    expect(elsewhere.json()).toMatchObject({ street: '东城区' });
    // The city outline the map draws has the new level too.
    const outlines = (await other.inject({ method: 'GET', url: '/api/city/boundaries' })).json();
    expect(outlines.features.filter((feature: { properties: { level: string } }) => feature.properties.level === 'street').length).toBeGreaterThanOrEqual(16);
  });

  it('refuses, with a message naming the problem, a wrong name property, polygons outside the city, a non-admin key and a bad level', async () => {
    const wrongName = await twin([BEIJING_DISTRICTS, '--level', 'community', '--name-property', 'NAME', '--datum', 'gcj02', '--api', api, '--key', 'areas-admin']);
    expect(wrongName.code).toBe(1);
    expect(wrongName.stderr).toMatch(/CT_ERR_BAD_AREAS.*no polygon has a \\"NAME\\" property \(its polygons have: .*name/);
    const elsewhere = await twin([NYC_NTAS, '--level', 'community', '--name-property', 'NTAName', '--api', api, '--key', 'areas-admin']);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toMatch(/none of the 195 polygons lies within the city's bounds/);
    const planner = await twin([BEIJING_DISTRICTS, '--level', 'community', '--api', api, '--key', 'areas-planner']);
    expect(planner.code).toBe(1);
    expect(planner.stderr).toContain('403');
    expect((await twin([BEIJING_DISTRICTS, '--level', 'ward', '--api', api, '--key', 'areas-admin'])).code).toBe(2);
    expect(await streetsIn(apps[0]!)).toBe(16);
    expect((await apps[0]!.inject({ method: 'GET', url: '/api/health' })).json().areas.community).toBe(0);
  });
});
