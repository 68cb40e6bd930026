import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const INGEST_DIR = fileURLToPath(new URL('../', import.meta.url));
const PROFILE_HOOK = fileURLToPath(new URL('./cpu-profile-hook.ts', import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  /** Runs `phase` with the worker's CPU profiler on (when started with `profile`); the profile is written to `file`. */
  profiled<T>(file: string | undefined, phase: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

function ask(child: ChildProcess, request: object, answered: (reply: Record<string, unknown>) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (reply: Record<string, unknown>) => {
      if (!answered(reply)) return;
      child.off('message', onMessage);
      resolve();
    };
    child.on('message', onMessage);
    child.send(request);
  });
}

/** A standalone ingest worker process; resolves once it has subscribed. */
export async function startWorkerProcess(env: Record<string, string>, options: { profile?: boolean } = {}): Promise<WorkerProcess> {
  const hook = options.profile ? ['--import', PROFILE_HOOK] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', ...hook, 'src/main.ts'], {
    cwd: INGEST_DIR,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit', ...(options.profile ? (['ipc'] as const) : [])],
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
    async profiled(file, phase) {
      if (!options.profile || !file) return phase();
      await ask(child, { profile: 'start' }, (reply) => reply['profiling'] === true);
      try {
        return await phase();
      } finally {
        await ask(child, { profile: 'stop', file }, (reply) => reply['profiled'] === file);
      }
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
