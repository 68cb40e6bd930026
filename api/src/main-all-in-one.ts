import { pino } from 'pino';
import { BrokerPortInUseError, onShutdownSignal } from '@citytwin/ingest';
import { DataDirError } from '@citytwin/store';
import { BoundaryFileError } from './areas/boundary-file';
import { ConfigError, loadConfig } from './config/config';
import { HttpPortInUseError } from './stack/listen-http';
import { startStack } from './stack/start-stack';

// The whole system in one process: `pnpm start` at the repository root.
const logger = pino({ level: process.env['LOG_LEVEL'] ?? 'info' });

async function main(): Promise<void> {
  const config = loadConfig();
  const stack = await startStack(config, logger);
  process.stdout.write(`\n  CityTwin (${config.city.nameEn}) is running: open ${stack.url}\n  MQTT: ${stack.mqttUrl}   store: ${stack.store.kind}\n\n`);
  onShutdownSignal(logger, () => stack.close());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof BoundaryFileError || error instanceof BrokerPortInUseError || error instanceof HttpPortInUseError || error instanceof DataDirError) {
    process.stderr.write(`\nCityTwin cannot start: ${error.message}\n\n`);
  } else {
    logger.fatal({ err: error }, 'CityTwin failed to start');
  }
  process.exit(1);
});
