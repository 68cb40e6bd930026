import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const INGEST_DIR = fileURLToPath(new URL('../', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForPort(port: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing listens on port ${port}`);
}

/** The broker settings ingest needs (see ingest/README.md): no in-flight cap, room to queue. */
export const MOSQUITTO_CONF = `allow_anonymous true
max_inflight_messages 0
max_queued_messages 0
max_queued_bytes 0
persistence false
`;

/** A private Mosquitto on a free port with {@link MOSQUITTO_CONF}. */
export async function startBenchMosquitto(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'citytwin-bench-mqtt-'));
  const port = await freePort();
  const conf = join(dir, 'mosquitto.conf');
  await writeFile(conf, `listener ${port} 127.0.0.1\n${MOSQUITTO_CONF}${userInfo().uid === 0 ? 'user root\n' : ''}`);
  const child = spawn('/usr/sbin/mosquitto', ['-c', conf], { stdio: 'ignore' });
  await waitForPort(port);
  return {
    url: `mqtt://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the Postgres server of `serverUrl`, dropped by `drop`. */
export async function createBenchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `citytwin_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** A standalone ingest worker process; resolves once it has subscribed. */
export async function startWorkerProcess(env: Record<string, string>): Promise<{ child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [...(process.env['BENCH_PROFILE'] ? ['--cpu-prof', '--cpu-prof-dir=/tmp/ingest-scratch/prof'] : []), '--import', 'tsx', 'src/main.ts'], {
    cwd: INGEST_DIR,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text = (text + chunk.toString()).slice(-20_000);
      if (process.env['BENCH_VERBOSE']) process.stderr.write(chunk);
      if (text.includes('"msg":"ingest subscribed"')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`ingest worker exited with ${code}`)));
  });
  child.stdout!.removeAllListeners('data');
  child.stdout!.on('data', (chunk: Buffer) => {
    if (process.env['BENCH_VERBOSE']) process.stderr.write(chunk);
  });
  return {
    child,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
