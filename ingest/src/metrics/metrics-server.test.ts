import { describe, expect, it } from 'vitest';
import { startMetricsServer } from './metrics-server';

describe('startMetricsServer', () => {
  it('serves the text at /metrics and 404 elsewhere', async () => {
    const server = await startMetricsServer(0, { metricsText: () => 'citytwin_ingest_messages_total 3\n' }, '127.0.0.1');
    try {
      const ok = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      expect(ok.headers.get('content-type')).toContain('text/plain');
      expect(await ok.text()).toBe('citytwin_ingest_messages_total 3\n');
      expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
