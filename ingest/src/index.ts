export { startEmbeddedBroker, BrokerPortInUseError, type EmbeddedBroker } from './broker/embedded-broker';
export { startIngestWorker, type IngestOptions, type IngestWorker } from './pipeline/ingest-worker';
export type { IngestStats } from './pipeline/ingest-stats';
export { DEFAULT_BATCH_LIMITS, type BatchLimits } from './pipeline/batch-writer';
