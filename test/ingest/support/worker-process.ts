import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const INGEST_DIR = fileURLToPath(new URL('../../../ingest/', import.meta.url));

/** A standalone ingest worker (`ingest/src/main.ts`) in its own process. */
export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves once the worker logged that its subscription is in place. */
  subscribed: Promise<void>;
  /** SIGKILL: no flush, no goodbye. */
  killHard(): Promise<void>;
  stop(): Promise<void>;
  /** SIGTERM and wait: the exit code (0 for a graceful stop). */
  terminate(): Promise<number | null>;
  /** The fields of the first JSON log line whose `msg` is `msg`, if it was logged. */
  logged(msg: string): Record<string, unknown> | undefined;
}

/** Starts a worker with `env` on top of the current environment. */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: INGEST_DIR,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    // Only the worker's lifecycle lines are kept, not every progress line.
    for (const line of parts) if (/"msg":"ingest (stopped|subscribed)"/.test(line)) lines.push(line);
  });
  const subscribed = new Promise<void>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('"msg":"ingest subscribed"')) resolve();
      if (text.length > 100_000) text = text.slice(-1000);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before subscribing`)));
  });
  subscribed.catch(() => undefined);
  const exited = () => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
  return {
    child, subscribed,
    async killHard() {
      child.kill('SIGKILL');
      await exited();
    },
    async stop() {
      child.kill('SIGTERM');
      await exited();
    },
    async terminate() {
      child.kill('SIGTERM');
      await exited();
      return child.exitCode;
    },
    logged(msg) {
      const line = lines.find((text) => text.includes(`"msg":${JSON.stringify(msg)}`));
      return line ? (JSON.parse(line) as Record<string, unknown>) : undefined;
    },
  };
}
