import { mkdir } from 'node:fs/promises';
import { pino } from 'pino';
import { onShutdownSignal } from '@citytwin/ingest';
import { DataDirError, openStore } from '@citytwin/store';
import { buildApp } from './app/build-app';
import { BoundaryFileError } from './areas/boundary-file';
import { loadCityAreas } from './areas/city-areas';
import { logCityAreas } from './areas/log-city-areas';
import { ConfigError, loadConfig } from './config/config';
import { AlertJob } from './jobs/alert-job';
import { HttpPortInUseError, listenHttp } from './stack/listen-http';
import { openReadDb, readReplicaContext } from './stack/open-read-db';

// The API alone (production): ingest and the broker run as their own processes.
const logger = pino({ level: process.env['LOG_LEVEL'] ?? 'info' });

async function main(): Promise<void> {
  const config = loadConfig();
  const areas = await loadCityAreas(config.boundaries, config.city.bounds);
  logCityAreas(logger, areas);
  if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
  const store = await openStore(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  const replica = openReadDb(config, store, logger);
  const alertJob = new AlertJob({ store, settings: config.alerts, logger: logger.child({ part: 'alerts' }) });
  await alertJob.start();
  const lifecycle = { draining: false };
  const app = await buildApp({
    store, config, areas, logger, broker: 'external', clock: Date.now, lifecycle, alertJob, ...(config.mqttUrl ? { brokerUrl: config.mqttUrl } : {}), ...readReplicaContext(replica),
  });
  const port = await listenHttp(app, config.port, config.host);
  logger.info({ port, store: store.kind }, `CityTwin API listening on http://localhost:${port}`);
  onShutdownSignal(logger, async () => {
    // Readiness turns 503 first; close() then refuses new requests (503), lets in-flight ones finish, and closes the pools.
    lifecycle.draining = true;
    await app.close();
    await alertJob.stop();
    await replica?.close();
    await store.close();
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof BoundaryFileError || error instanceof HttpPortInUseError || error instanceof DataDirError) process.stderr.write(`\nCityTwin API cannot start: ${error.message}\n\n`);
  else logger.fatal({ err: error }, 'CityTwin API failed to start');
  process.exit(1);
});
