import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const INGEST_DIR = fileURLToPath(new URL('../', import.meta.url));

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
