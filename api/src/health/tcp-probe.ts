import { connect } from 'node:net';

const DEFAULT_PORTS: Record<string, number> = { 'mqtt:': 1883, 'tcp:': 1883, 'mqtts:': 8883, 'ws:': 80, 'wss:': 443 };

/**
 * Whether something accepts a TCP connection at the host and port of `url`
 * within `timeoutMs` (the broker check of readiness: cheap, and needs no
 * MQTT credentials).
 * @example await probeTcp('mqtt://mosquitto:1883') // true
 */
export async function probeTcp(url: string, timeoutMs = 2000): Promise<boolean> {
  const parsed = new URL(url);
  const port = parsed.port ? Number(parsed.port) : (DEFAULT_PORTS[parsed.protocol] ?? 1883);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
