// Helpers for tests and benchmarks that need a private broker; not part of the ingest runtime.
export { startMosquitto, startMosquittoWithConfig, type MosquittoInstance } from './mosquitto-instance';
export { freePort } from './free-port';
export { waitFor } from './wait-for';
