import { createServer, type Server } from 'node:net';
import { Aedes } from 'aedes';

/** The in-process MQTT broker of the embedded mode. */
export interface EmbeddedBroker {
  /** The port actually bound (useful when 0 asked for a free one). */
  port: number;
  url: string;
  close(): Promise<void>;
}

/** The MQTT port is taken; the message says what to do about it. */
export class BrokerPortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `MQTT port ${port} is already in use (another broker, e.g. Mosquitto, may be running). ` +
        `Either set MQTT_PORT to a free port (MQTT_PORT=0 picks one), or use that broker with MQTT_URL=mqtt://127.0.0.1:${port}.`,
    );
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new BrokerPortInUseError(port) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Starts an aedes broker on `port` (0 picks a free one).
 * @throws BrokerPortInUseError when the port is taken.
 */
export async function startEmbeddedBroker(port: number, host = '0.0.0.0'): Promise<EmbeddedBroker> {
  const aedes = await Aedes.createBroker();
  const server = createServer(aedes.handle);
  let bound: number;
  try {
    bound = await listen(server, port, host);
  } catch (error) {
    await new Promise<void>((resolve) => aedes.close(() => resolve()));
    throw error;
  }
  return {
    port: bound,
    url: `mqtt://127.0.0.1:${bound}`,
    async close() {
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
