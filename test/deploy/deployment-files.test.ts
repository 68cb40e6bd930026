import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Every file that reads the environment of a server process. */
const ENV_READERS = ['api/src/config/config.ts', 'api/src/main.ts', 'api/src/main-all-in-one.ts', 'ingest/src/config.ts', 'ingest/src/main.ts'];
const SECRETS = ['POSTGRES_PASSWORD', 'MQTT_INGEST_PASSWORD', 'MQTT_SIMULATOR_PASSWORD', 'INGEST_SHARED_GROUP'];

const read = (path: string) => readFile(join(ROOT, path), 'utf8');
/** Names set in .env.example (`NAME=` at the start of a line). */
const documented = async () => new Set([...(await read('.env.example')).matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]!));

describe('deployment files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'citytwin-compose-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('.env.example documents every variable a server process reads', async () => {
    const names = new Set<string>();
    for (const file of ENV_READERS) {
      const text = await read(file);
      for (const match of text.matchAll(/(?:env\[|\(env, |process\.env\[)['"]([A-Z][A-Z0-9_]+)['"]/g)) names.add(match[1]!);
    }
    expect(names.size).toBeGreaterThan(20);
    const set = await documented();
    expect([...names].filter((name) => !set.has(name)), 'add them to .env.example').toEqual([]);
  });

  it('.env.example documents every variable docker-compose.yml substitutes', async () => {
    const compose = await read('docker-compose.yml');
    const used = new Set([...compose.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((match) => match[1]!));
    const set = await documented();
    expect([...used].filter((name) => !set.has(name))).toEqual([]);
  });

  it('docker-compose config -q accepts the file once the secrets are made, and refuses it naming the script before', async () => {
    const example = await read('.env.example');
    const withSecrets = SECRETS.reduce((text, name) => text.replace(new RegExp(`^${name}=$`, 'm'), `${name}=s3cret-${name.length}`), example);
    await writeFile(join(dir, 'with-secrets.env'), withSecrets);
    await writeFile(join(dir, 'example.env'), example);
    const compose = (envFile: string, ...args: string[]) => run('docker-compose', ['--project-directory', ROOT, '-f', join(ROOT, 'docker-compose.yml'), '--env-file', join(dir, envFile), ...args], { cwd: ROOT });
    await expect(compose('with-secrets.env', 'config', '-q')).resolves.toBeDefined();
    await expect(compose('example.env', 'config', '-q')).rejects.toThrow(/make-secrets\.sh/);
    const { stdout } = await compose('with-secrets.env', 'config');
    // Two ingest workers on one shared subscription, each with its own persistent session.
    expect(stdout.match(/INGEST_SHARED_GROUP: s3cret-19/g)).toHaveLength(2);
    expect(stdout).toContain('INGEST_CLIENT_ID: citytwin-ingest-1');
    expect(stdout).toContain('INGEST_CLIENT_ID: citytwin-ingest-2');
    expect(stdout).toMatch(/image: timescale\/timescaledb:/);
    // The simulator runs only with its profile.
    expect(stdout).toMatch(/ {2}simulator:\n(?: {4}.*\n)*? {4}profiles:\n {4}- simulator\n/);
    // Every long-running service says how to tell it is healthy.
    const block = (service: string) => stdout.split(/\n {2}(?=[a-z0-9-]+:\n)/).find((text) => text.startsWith(`${service}:`)) ?? '';
    for (const service of ['timescaledb', 'mosquitto', 'api', 'ingest-1', 'ingest-2']) expect(block(service), service).toContain('healthcheck:');
    // The workers' healthcheck is their readiness, not merely an answering /metrics.
    for (const service of ['ingest-1', 'ingest-2']) expect(block(service), service).toMatch(/healthcheck:\n(?: {6}.*\n)*? {6}test:\n(?: {6}.*\n)*?.*:9464\/health\/ready/);
  });

  it('the images run as a non-root user, with a healthcheck, built in stages; secrets are ignored by git and by the image', async () => {
    const dockerfile = await read('Dockerfile');
    expect(dockerfile.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    const web = await read('docs/deploy/web.Dockerfile');
    expect(web).toMatch(/nginx-unprivileged/);
    expect(web).toMatch(/^HEALTHCHECK /m);
    const nginx = await read('docs/deploy/nginx.conf');
    expect(nginx).toContain('Cache-Control "public, max-age=31536000, immutable"');
    for (const ignore of ['.gitignore', '.dockerignore']) {
      const text = await read(ignore);
      expect(text, ignore).toMatch(/^\.env$/m);
      expect(text, ignore).toMatch(/^docs\/deploy\/mosquitto\/passwd$/m);
    }
  });
});
