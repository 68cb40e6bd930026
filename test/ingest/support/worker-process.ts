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
}

/** Starts a worker with `env` on top of the current environment. */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: INGEST_DIR,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
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
  };
}
