import { createServer, type ServerResponse, type Server } from 'node:http';
import type { IngestReadiness } from '../pipeline/ingest-readiness';

/** What the server serves: the metrics text and, when given, the worker's readiness. */
export interface WorkerProbes {
  metricsText: () => string;
  readiness?: () => Promise<IngestReadiness>;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

async function sendReadiness(response: ServerResponse, readiness: () => Promise<IngestReadiness>): Promise<void> {
  try {
    const { ready, reasons, checks } = await readiness();
    sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready', reasons, checks });
  } catch {
    sendJson(response, 503, { status: 'not_ready', reasons: ['check_failed'] });
  }
}

/**
 * Serves a standalone worker's probes (the all-in-one serves them from the api): `GET /metrics`
 * (Prometheus text), `GET /health/live` (200 while the event loop runs) and `GET /health/ready`
 * (200 or 503 with reasons, the container healthcheck). Port 0 picks a free port.
 * @example const server = await startMetricsServer(9464, { metricsText: () => worker.metricsText(), readiness: () => worker.readiness() });
 */
export async function startMetricsServer(port: number, probes: WorkerProbes, host = '0.0.0.0'): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = request.url?.split('?')[0];
    if (request.method !== 'GET') response.writeHead(405, { 'content-type': 'text/plain', allow: 'GET' }).end('method not allowed\n');
    else if (path === '/metrics') response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(probes.metricsText());
    else if (path === '/health/live') sendJson(response, 200, { status: 'live' });
    else if (path === '/health/ready' && probes.readiness) void sendReadiness(response, probes.readiness);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found; try /metrics, /health/live or /health/ready\n');
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
