import { mkdir } from 'node:fs/promises';
import { pino } from 'pino';
import { DataDirError, openStore } from '@citytwin/store';
import { buildApp } from './app/build-app';
import { BoundaryFileError } from './areas/boundary-file';
import { loadCityAreas } from './areas/city-areas';
import { logCityAreas } from './areas/log-city-areas';
import { ConfigError, loadConfig } from './config/config';
import { AlertJob } from './jobs/alert-job';
import { HttpPortInUseError, listenHttp } from './stack/listen-http';

// The API alone (production): ingest and the broker run as their own processes.
const logger = pino({ level: process.env['LOG_LEVEL'] ?? 'info' });

async function main(): Promise<void> {
  const config = loadConfig();
  const areas = await loadCityAreas(config.boundaries, config.city.bounds);
  logCityAreas(logger, areas);
  if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
  const store = await openStore(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  const alertJob = new AlertJob({ store, settings: config.alerts, logger: logger.child({ part: 'alerts' }) });
  await alertJob.start();
  const app = await buildApp({ store, config, areas, logger, broker: 'external', clock: Date.now, alertJob });
  const port = await listenHttp(app, config.port, config.host);
  logger.info({ port, store: store.kind }, `CityTwin API listening on http://localhost:${port}`);
  const stop = () => void app.close().then(() => alertJob.stop()).then(() => store.close()).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof BoundaryFileError || error instanceof HttpPortInUseError || error instanceof DataDirError) process.stderr.write(`\nCityTwin API cannot start: ${error.message}\n\n`);
  else logger.fatal({ err: error }, 'CityTwin API failed to start');
  process.exit(1);
});
