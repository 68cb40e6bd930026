import { mkdir } from 'node:fs/promises';
import { pino } from 'pino';
import { openStore } from '@citytwin/store';
import { BrokerPortInUseError, startEmbeddedBroker } from './broker/embedded-broker';
import { IngestConfigError, loadIngestConfig } from './config';
import { startMetricsServer } from './metrics/metrics-server';
import { startIngestWorker } from './pipeline/ingest-worker';
import { onShutdownSignal } from './process/on-shutdown-signal';

// A standalone ingest worker: `pnpm --filter @citytwin/ingest start`.
const logger = pino({ level: process.env['LOG_LEVEL'] ?? 'info' });

async function main(): Promise<void> {
  const config = loadIngestConfig();
  if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
  const store = await openStore(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  const broker = config.mqttUrl ? undefined : await startEmbeddedBroker(config.mqttPort);
  const worker = await startIngestWorker({
    store, mqttUrl: config.mqttUrl ?? broker!.url, topicPrefix: config.topicPrefix, city: config.city,
    resolution: config.baseResolution, clientId: config.clientId, maxAgeMs: config.retentionDays * 86_400_000, logger,
    protocolVersion: config.protocolVersion, batch: config.batch, ...(config.sharedGroup ? { sharedGroup: config.sharedGroup } : {}),
    maxStallS: config.maxStallS,
  });
  const probes = { metricsText: () => worker.metricsText(), readiness: () => worker.readiness() };
  const metrics = config.metricsPort === undefined ? undefined : await startMetricsServer(config.metricsPort, probes);
  logger.info({ store: store.kind, clientId: config.clientId, sharedGroup: config.sharedGroup, metricsPort: metrics?.port }, 'ingest worker running');
  onShutdownSignal(logger, async () => {
    await worker.close();
    await metrics?.close();
    await broker?.close();
    await store.close();
  });
}

main().catch((error: unknown) => {
  if (error instanceof IngestConfigError || error instanceof BrokerPortInUseError) process.stderr.write(`\nCityTwin ingest cannot start: ${error.message}\n\n`);
  else logger.fatal({ err: error }, 'ingest failed to start');
  process.exit(1);
});
