export { startEmbeddedBroker, BrokerPortInUseError, type EmbeddedBroker } from './broker/embedded-broker';
export { startIngestWorker, type IngestOptions, type IngestWorker } from './pipeline/ingest-worker';
export { ingestHealth, type IngestHealth } from './pipeline/ingest-health';
export { checkIngestReadiness, type IngestReadiness, type IngestNotReadyReason } from './pipeline/ingest-readiness';
export type { IngestStats, Histogram } from './pipeline/ingest-stats';
export { formatIngestMetrics } from './metrics/prometheus-text';
export { handleTelemetryMessage, MAX_PAYLOAD_BYTES } from './pipeline/message-handler';
export { DEFAULT_BATCH_LIMITS, type BatchLimits } from './pipeline/batch-writer';
export { onShutdownSignal, DEFAULT_SHUTDOWN_TIMEOUT_MS } from './process/on-shutdown-signal';
