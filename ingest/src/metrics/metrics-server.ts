import { createServer, type Server } from 'node:http';

/**
 * Serves `GET /metrics` for a standalone worker (the all-in-one serves it
 * from the api). Port 0 picks a free port.
 * @example const server = await startMetricsServer(9464, () => worker.metricsText());
 */
export async function startMetricsServer(port: number, metricsText: () => string, host = '0.0.0.0'): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.method === 'GET' && request.url?.split('?')[0] === '/metrics') {
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(metricsText());
    } else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found; try /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
