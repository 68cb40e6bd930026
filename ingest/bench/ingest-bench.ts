import { randomBytes } from 'node:crypto';
import { openStore } from '@citytwin/store';
import { createTestDatabase } from '@citytwin/store/testing';
import { startMosquitto } from '@citytwin/ingest/testing';
import { startWorkerProcess } from './bench-infra';
import { nativeMessage, senmlPack, senmlReadings } from './bench-payloads';
import { measureBroker, measureCopy, measureIngest, measureLatency, type Message } from './bench-phases';

// `pnpm bench:ingest`: broker pass-through, raw COPY and CityTwin ingest end to end, in one run
// on this machine, so the ratios compare like with like. BENCH_SCALE=0.2 for a quick run.
const scale = Number(process.env['BENCH_SCALE'] ?? 1);
const NATIVE_QOS0 = Math.round(200_000 * scale);
const NATIVE_QOS1 = Math.round(100_000 * scale);
const PACKS = Math.round(5000 * scale);
const PACK_SIZE = 100;
const LATENCY_SECONDS = 10;
const SERVER_URL = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const round = (value: number, digits = 0) => Number(value.toFixed(digits));
const say = (text: string) => process.stdout.write(`${text}\n`);

function messages(count: number, make: (i: number) => Message): Message[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

async function main(): Promise<void> {
  const prefix = `bench${randomBytes(3).toString('hex')}`;
  const broker = await startMosquitto();
  const database = await createTestDatabase(SERVER_URL);
  const store = await openStore({ databaseUrl: database.url, maxConnections: 2 });
  say(`CityTwin ingest benchmark: Mosquitto ${broker.url} (own config), Postgres database ${new URL(database.url).pathname.slice(1)}, scale ${scale}`);
  try {
    const q0 = messages(NATIVE_QOS0, (i) => nativeMessage(prefix, 'q0', i));
    const q1 = messages(NATIVE_QOS1, (i) => nativeMessage(prefix, 'q1', i));
    const packs = messages(PACKS, (p) => senmlPack(prefix, 'sm', p, PACK_SIZE));

    const brokerQos0 = await measureBroker(broker.url, prefix, q0, 0);
    const brokerQos1 = await measureBroker(broker.url, prefix, q1, 1);
    const brokerPacks = await measureBroker(broker.url, prefix, packs, 1);
    say(`(a) broker pass-through: QoS 0 ${round(brokerQos0)} msg/s, QoS 1 ${round(brokerQos1)} msg/s, SenML packs QoS 1 ${round(brokerPacks)} packs/s`);
    const copyRate = await measureCopy(store.db, senmlReadings('sm', PACKS, PACK_SIZE));
    say(`(b) raw COPY of the same ${PACKS * PACK_SIZE} rows into an empty readings-shaped table: ${round(copyRate)} rows/s`);

    const worker = await startWorkerProcess({ DATABASE_URL: database.url, MQTT_URL: broker.url, MQTT_TOPIC_PREFIX: prefix, INGEST_CLIENT_ID: `bench-ingest-${prefix}`, LOG_LEVEL: 'info' });
    const seconds0 = await measureIngest(broker.url, store.db, prefix, q0, NATIVE_QOS0, 0);
    const seconds1 = await measureIngest(broker.url, store.db, prefix, q1, NATIVE_QOS1, 1);
    const secondsPacks = await measureIngest(broker.url, store.db, prefix, packs, PACKS * PACK_SIZE, 1);
    const ingest = {
      nativeQos0: { messagesPerS: round(NATIVE_QOS0 / seconds0), readingsPerS: round(NATIVE_QOS0 / seconds0), ratioToBroker: round(NATIVE_QOS0 / seconds0 / brokerQos0, 3) },
      nativeQos1: { messagesPerS: round(NATIVE_QOS1 / seconds1), readingsPerS: round(NATIVE_QOS1 / seconds1), ratioToBroker: round(NATIVE_QOS1 / seconds1 / brokerQos1, 3) },
      senmlPacks: { packsPerS: round(PACKS / secondsPacks), readingsPerS: round((PACKS * PACK_SIZE) / secondsPacks), ratioToCopy: round((PACKS * PACK_SIZE) / secondsPacks / copyRate, 3) },
    };
    say(`(c) ingest native QoS 0: ${ingest.nativeQos0.messagesPerS} msg/s = ${ingest.nativeQos0.ratioToBroker}x broker (target >= 0.8)`);
    say(`(c) ingest native QoS 1: ${ingest.nativeQos1.messagesPerS} msg/s = ${ingest.nativeQos1.ratioToBroker}x broker (target >= 0.8)`);
    say(`(c) ingest SenML packs of ${PACK_SIZE}: ${ingest.senmlPacks.readingsPerS} readings/s = ${ingest.senmlPacks.ratioToCopy}x raw COPY (targets >= 100000/s, >= 0.5x)`);

    const maxRate = ingest.nativeQos1.messagesPerS;
    const rate = Math.round(maxRate / 2);
    const latency = await measureLatency(broker.url, store.db, prefix, rate, LATENCY_SECONDS, (i) => nativeMessage(prefix, 'lt', i));
    say(`latency at ${rate} msg/s (half the QoS 1 maximum), ${latency.probes} probes: p50 ${round(latency.p50Ms)} ms, p99 ${round(latency.p99Ms)} ms (target p99 < 2000 ms)`);
    await worker.stop();

    const summary = {
      bench: 'ingest', scale, cores: (await import('node:os')).cpus().length,
      broker: { qos0MsgsPerS: round(brokerQos0), qos1MsgsPerS: round(brokerQos1), senmlPacksPerS: round(brokerPacks) },
      copy: { rowsPerS: round(copyRate), rows: PACKS * PACK_SIZE },
      ingest,
      latency: { rateMsgsPerS: rate, p50Ms: round(latency.p50Ms), p99Ms: round(latency.p99Ms), probes: latency.probes },
      targets: {
        nativeQos0VsBroker: ingest.nativeQos0.ratioToBroker >= 0.8,
        nativeQos1VsBroker: ingest.nativeQos1.ratioToBroker >= 0.8,
        senmlReadingsPerS: ingest.senmlPacks.readingsPerS >= 100_000,
        senmlVsCopy: ingest.senmlPacks.ratioToCopy >= 0.5,
        p99Under2s: latency.p99Ms < 2000,
      },
    };
    say(JSON.stringify(summary));
  } finally {
    await store.close();
    await database.drop();
    await broker.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`ingest benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
