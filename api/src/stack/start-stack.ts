import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Logger } from 'pino';
import { BrokerPortInUseError, ingestHealth, startEmbeddedBroker, startIngestWorker, type EmbeddedBroker, type IngestWorker } from '@citytwin/ingest';
import { demoFleet, startLiveSimulation } from '@citytwin/simulators';
import { openStore, type Store } from '@citytwin/store';
import { buildApp } from '../app/build-app';
import { loadCityAreas } from '../areas/city-areas';
import { logCityAreas } from '../areas/log-city-areas';
import type { FastifyTypeBox } from '../app/fastify-typebox';
import type { ApiConfig } from '../config/config';
import { AlertJob } from '../jobs/alert-job';
import { HISTORY_DAYS, startHistoryBackfill, type RunningBackfill } from './backfill-history';
import { claimHistoryBackfill, historyOptionsOf, type HistoryPlan } from './history-claim';
import { HttpPortInUseError, listenHttp } from './listen-http';
import { openReadDb, readReplicaContext } from './open-read-db';

/** Everything the all-in-one runs in one process. */
export interface Stack {
  url: string;
  mqttUrl: string;
  store: Store;
  app: FastifyTypeBox;
  ingest: IngestWorker;
  alertJob: AlertJob;
  /** The built-in simulation's history, when it is being written into an empty store. */
  backfill?: RunningBackfill;
  close(): Promise<void>;
}

/** Years of history that replays of recorded data may carry. */
const MAX_READING_AGE_MS = 20 * 365 * 24 * 3600 * 1000;

/** How big the built-in demo is: a few hundred sensors and a trickle of appeals. */
export const DEFAULT_SIMULATION = { sensors: 300, intervalMs: 10_000, appealsPerMinute: 60, seed: 20260601 };
/** Background appeals per hour in the backfilled history: 20 (the live demo's is 3,600), enough for monthly rankings, quick to load. */
const HISTORY_APPEALS_PER_HOUR = 20;
/** A GET request in the last this many ms makes the history backfill pause between slices. */
const READER_WINDOW_MS = 2_000;

/**
 * Loads the city's boundary files, then starts store, broker (embedded unless MQTT_URL), ingest, the HTTP API with
 * the web app, and the built-in simulator, in that order; `close` stops them
 * in reverse.
 */
export async function startStack(config: ApiConfig, logger: Logger, clock: () => number = Date.now): Promise<Stack> {
  const closers: Array<() => Promise<void>> = [];
  const lifecycle = { draining: false };
  const close = async () => {
    lifecycle.draining = true;
    for (const closer of closers.reverse()) await closer().catch((error: unknown) => logger.error({ err: error }, 'shutdown step failed'));
  };
  try {
    // Boundaries first: a file that cannot serve stops the start before anything else runs.
    const areas = await loadCityAreas(config.boundaries, config.city.bounds);
    logCityAreas(logger, areas);
    if (!config.databaseUrl) await mkdir(config.dataDir, { recursive: true });
    const store = await openStore(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
    closers.push(() => store.close());
    logger.info({ store: store.kind, migrations: store.applied }, `store ready (${store.kind})`);
    const replica = openReadDb(config, store, logger);
    if (replica) closers.push(() => replica.close());

    let broker: EmbeddedBroker | undefined;
    if (!config.mqttUrl) {
      broker = await startEmbeddedBroker(config.mqttPort).catch((error: unknown) => {
        if (!(error instanceof BrokerPortInUseError) || config.portsChosen.mqtt) throw error;
        logger.warn(`MQTT port ${config.mqttPort} is taken (another broker?); the embedded broker takes a free port instead (set MQTT_PORT to choose)`);
        return startEmbeddedBroker(0);
      });
      closers.push(() => broker!.close());
      logger.info({ port: broker.port }, `embedded MQTT broker on port ${broker.port}`);
    }
    const mqttUrl = config.mqttUrl ?? broker!.url;

    const ingest = await startIngestWorker({
      store, mqttUrl, topicPrefix: config.topicPrefix, city: config.city, resolution: config.baseResolution,
      clientId: 'citytwin-ingest-all-in-one', maxAgeMs: MAX_READING_AGE_MS, logger: logger.child({ part: 'ingest' }), clock,
      // MQTT v5 with an external broker (its receive maximum lifts Mosquitto's 20-in-flight cap); aedes speaks only 3.1.1.
      protocolVersion: broker ? 4 : 5,
    });
    closers.push(() => ingest.close());

    const alertJob = new AlertJob({ store, settings: config.alerts, logger: logger.child({ part: 'alerts' }) });
    await alertJob.start();
    closers.push(() => alertJob.stop());
    logger.info({ ...config.alerts }, `alert job running (${config.alerts.bucket} buckets)`);

    const simulatorKey = randomBytes(16).toString('hex');
    const apiKeys = new Map(config.apiKeys);
    if (config.simulate) apiKeys.set(simulatorKey, 'operator');
    const app = await buildApp({
      store, config: { ...config, apiKeys }, areas, logger: logger.child({ part: 'api' }), broker: broker ? 'embedded' : 'external', clock,
      brokerUrl: mqttUrl, lifecycle, ...readReplicaContext(replica), healthDetails: () => ({ ...ingestHealth(ingest) }), ingest, alertJob,
    });
    closers.push(() => app.close());
    const port = await listenHttp(app, config.port, config.host).catch((error: unknown) => {
      if (!(error instanceof HttpPortInUseError) || config.portsChosen.http) throw error;
      logger.warn(`HTTP port ${config.port} is taken; listening on a free port instead (set PORT to choose)`);
      return listenHttp(app, 0, config.host);
    });
    const url = `http://localhost:${port}`;
    let backfill: RunningBackfill | undefined;

    if (config.simulate) {
      // Claimed before the live run writes anything: a new history only into an empty store, or the rest of an interrupted one.
      const { sensors } = demoFleet(config.city, DEFAULT_SIMULATION.sensors, DEFAULT_SIMULATION.seed);
      const optionsOf = (plan: HistoryPlan) => historyOptionsOf(plan, config, sensors);
      const claim = await claimHistoryBackfill(store, { endMs: clock(), days: HISTORY_DAYS, seed: DEFAULT_SIMULATION.seed, appealsPerHour: HISTORY_APPEALS_PER_HOUR }, optionsOf);
      const simulation = await startLiveSimulation({
        mqttUrl, topicPrefix: config.topicPrefix, apiUrl: `http://127.0.0.1:${port}`, apiKey: simulatorKey, city: config.city,
        sensors: DEFAULT_SIMULATION.sensors, intervalMs: DEFAULT_SIMULATION.intervalMs, appealsPerHour: DEFAULT_SIMULATION.appealsPerMinute * 60,
        seed: DEFAULT_SIMULATION.seed, clock,
      });
      closers.push(() => simulation.stop());
      logger.info(
        { sensors: DEFAULT_SIMULATION.sensors, appealsPerMinute: DEFAULT_SIMULATION.appealsPerMinute, plantedIncident: simulation.incident.centre },
        'built-in simulator running, with a planted construction-noise incident (SIMULATE=off to stop it)',
      );
      if (claim) {
        // Readers are GET requests (the simulator only posts appeals): the backfill pauses for them, and only for them.
        let lastReadMs = Number.NEGATIVE_INFINITY;
        app.server.on('request', (request: { method?: string }) => {
          if (request.method === 'GET') lastReadMs = performance.now();
        });
        const readersActive = () => performance.now() - lastReadMs < READER_WINDOW_MS;
        const history = startHistoryBackfill(store, { config, areas, claim, options: optionsOf(claim.plan), readersActive }, logger.child({ part: 'history' }));
        closers.push(() => history.stop());
        backfill = history;
      }
    }
    return { url, mqttUrl, store, app, ingest, alertJob, ...(backfill ? { backfill } : {}), close };
  } catch (error) {
    await close();
    throw error;
  }
}
