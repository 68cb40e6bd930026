import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

/** A private Mosquitto for one test file: its own port, config and persistence folder. */
export interface MosquittoInstance {
  port: number;
  url: string;
  /** The broker's process id while it runs. */
  readonly pid: number | undefined;
  /** Stops it gracefully (SIGTERM: the persistence file is written) and waits for the exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same persistence. */
  start(): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open, nothing is read, so clients' sockets fill up. */
  freeze(): void;
  /** Lets a frozen broker run on (SIGCONT). */
  thaw(): void;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

// What CityTwin ingest needs from a broker (ingest/README.md): no cap on in-flight QoS 1
// messages (acknowledgements are held until the batch commits) and room to queue
// messages for a persistent session while its worker restarts.
const CONFIG = (port: number, dir: string) => `listener ${port} 127.0.0.1
allow_anonymous true
persistence true
persistence_location ${dir}/
max_inflight_messages 0
max_queued_messages 0
max_queued_bytes 0
user root
log_dest stderr
log_type error
`;

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (performance.now() > deadline) throw new Error(`mosquitto did not open port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Starts /usr/sbin/mosquitto with the config ingest needs on a free port;
 * `authentication` replaces anonymous access with a password file and an ACL file.
 */
export async function startMosquitto(authentication?: { passwordFile: string; aclFile: string }): Promise<MosquittoInstance> {
  return startMosquittoWithConfig((port, dir) => {
    const config = CONFIG(port, dir);
    return authentication ? config.replace('allow_anonymous true', `allow_anonymous false\npassword_file ${authentication.passwordFile}\nacl_file ${authentication.aclFile}`) : config;
  });
}

/**
 * Starts /usr/sbin/mosquitto on a free port with the config `render` writes for that port
 * and a private folder (for persistence); e.g. a deployment's own mosquitto.conf.
 */
export async function startMosquittoWithConfig(render: (port: number, dir: string) => string | Promise<string>): Promise<MosquittoInstance> {
  const dir = await mkdtemp(join(tmpdir(), 'citytwin-mosquitto-'));
  const port = await freePort();
  const conf = join(dir, 'mosquitto.conf');
  await writeFile(conf, await render(port, dir));
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('/usr/sbin/mosquitto', ['-c', conf], { stdio: 'ignore' });
    await waitForPort(port);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    port, url: `mqtt://127.0.0.1:${port}`, start, stop,
    get pid() {
      return child?.pid;
    },
    freeze: () => void child?.kill('SIGSTOP'),
    thaw: () => void child?.kill('SIGCONT'),
    async dispose() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
