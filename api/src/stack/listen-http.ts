import type { FastifyTypeBox } from '../app/fastify-typebox';

/** The HTTP port is taken; the message says what to do. */
export class HttpPortInUseError extends Error {
  constructor(readonly port: number) {
    super(`HTTP port ${port} is already in use. Set PORT to a free port (PORT=0 picks one) or stop the other process.`);
  }
}

/** Listens and returns the bound port, turning EADDRINUSE into {@link HttpPortInUseError}. */
export async function listenHttp(app: FastifyTypeBox, port: number, host: string): Promise<number> {
  try {
    await app.listen({ port, host });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new HttpPortInUseError(port);
    throw error;
  }
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : port;
}
