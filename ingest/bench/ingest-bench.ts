import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '@citytwin/store';
import { createTestDatabase } from '@citytwin/store/testing';
import { startMosquitto } from '@citytwin/ingest/testing';
import { startWorkerProcess } from './bench-infra';
import { nativeMessage, senmlPack, senmlReadings } from './bench-payloads';
import { measureBroker, measureCopy, measureIngest, measureLatency, type Message } from './bench-phases';
import { summariseProfile, type ProfileSummary } from './profile-summary';
import { measureCpu, type CpuShares } from './process-cpu';
import { median, spread } from './run-statistics';

// `pnpm bench:ingest [--repeat N] [--profile]`: broker pass-through, raw COPY and
// CityTwin ingest end to end, each run measuring all three on this machine so
// the ratios compare like with like. BENCH_SCALE=0.2 for a quick run.
const { values: args } = parseArgs({ options: { repeat: { type: 'string', default: '1' }, profile: { type: 'boolean', default: false } } });
const runs = Number(args.repeat);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--repeat must be a whole number >= 1, got ${args.repeat}`);
const scale = Number(process.env['BENCH_SCALE'] ?? 1);
const NATIVE_QOS0 = Math.round(200_000 * scale);
const NATIVE_QOS1 = Math.round(100_000 * scale);
const PACKS = Math.round(5000 * scale);
const PACK_SIZE = 100;
const LATENCY_SECONDS = 10;
const SERVER_URL = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PROFILE_DIR = join(tmpdir(), 'citytwin-ingest-profiles');

const round = (value: number, digits = 0) => Number(value.toFixed(digits));
const say = (text: string) => process.stdout.write(`${text}\n`);

function messages(count: number, make: (i: number) => Message): Message[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

/** The figures of one run, flat, named as in the JSON line. */
type Figures = Record<string, number>;

async function runOnce(run: number, broker: { url: string; pid: number | undefined }): Promise<{ figures: Figures; profiles: Record<string, ProfileSummary> }> {
  const brokerUrl = broker.url;
  const prefix = `bench${randomBytes(3).toString('hex')}`;
  const database = await createTestDatabase(SERVER_URL);
  const store = await openStore({ databaseUrl: database.url, maxConnections: 2 });
  say(`run ${run}/${runs}: Postgres database ${new URL(database.url).pathname.slice(1)}, topic prefix ${prefix}`);
  try {
    const q0 = messages(NATIVE_QOS0, (i) => nativeMessage(prefix, 'q0', i));
    const q1 = messages(NATIVE_QOS1, (i) => nativeMessage(prefix, 'q1', i));
    const packs = messages(PACKS, (p) => senmlPack(prefix, 'sm', p, PACK_SIZE));

    const cpu: Record<string, CpuShares | undefined> = {};
    const timed = async <T>(phase: string, pids: { broker?: number | undefined; worker?: number | undefined }, work: () => Promise<T>): Promise<T> => {
      const { result, cpu: shares } = await measureCpu(pids, work);
      cpu[phase] = shares;
      return result;
    };
    const brokerQos0 = await timed('broker QoS 0', { broker: broker.pid }, () => measureBroker(brokerUrl, prefix, q0, 0));
    const brokerQos1 = await measureBroker(brokerUrl, prefix, q1, 1);
    const brokerPacks = await measureBroker(brokerUrl, prefix, packs, 1);
    const copyCpu = await measureCpu({}, () => measureCopy(store.db, senmlReadings('sm', PACKS, PACK_SIZE)));
    cpu['raw COPY'] = copyCpu.cpu;
    say(`  (a) broker pass-through: QoS 0 ${round(brokerQos0)} msg/s, QoS 1 ${round(brokerQos1)} msg/s, SenML packs QoS 1 ${round(brokerPacks)} packs/s`);
    const copyRate = copyCpu.result;
    say(`  (b) raw COPY of the same ${PACKS * PACK_SIZE} rows into an empty readings-shaped table: ${round(copyRate)} rows/s`);

    const worker = await startWorkerProcess(
      { DATABASE_URL: database.url, MQTT_URL: brokerUrl, MQTT_TOPIC_PREFIX: prefix, INGEST_CLIENT_ID: `bench-ingest-${prefix}`, LOG_LEVEL: 'info' },
      { profile: args.profile },
    );
    const profileFile = (phase: string) => (args.profile ? join(PROFILE_DIR, `${prefix}-${phase}.cpuprofile`) : undefined);
    const pids = { broker: broker.pid, worker: worker.child.pid };
    const seconds0 = await timed('ingest QoS 0', pids, () => worker.profiled(profileFile('nativeQos0'), () => measureIngest(brokerUrl, store.db, prefix, q0, NATIVE_QOS0, 0)));
    const seconds1 = await worker.profiled(profileFile('nativeQos1'), () => measureIngest(brokerUrl, store.db, prefix, q1, NATIVE_QOS1, 1));
    const secondsPacks = await timed('ingest SenML', pids, () => worker.profiled(profileFile('senmlPacks'), () => measureIngest(brokerUrl, store.db, prefix, packs, PACKS * PACK_SIZE, 1)));
    const qos0Rate = NATIVE_QOS0 / seconds0;
    const qos1Rate = NATIVE_QOS1 / seconds1;
    const packRate = PACKS / secondsPacks;
    say(`  (c) ingest native QoS 0: ${round(qos0Rate)} msg/s = ${round(qos0Rate / brokerQos0, 3)}x broker (target >= 0.8)`);
    say(`  (c) ingest native QoS 1: ${round(qos1Rate)} msg/s = ${round(qos1Rate / brokerQos1, 3)}x broker (target >= 0.8)`);
    say(`  (c) ingest SenML packs of ${PACK_SIZE}: ${round(packRate * PACK_SIZE)} readings/s = ${round((packRate * PACK_SIZE) / copyRate, 3)}x raw COPY (target >= 0.8)`);

    for (const [phase, shares] of Object.entries(cpu)) {
      if (!shares) continue;
      const { bench, broker: brokerS, worker: workerS, postgres } = shares.seconds;
      say(`  CPU during ${phase}: publisher and benchmark ${round(bench, 2)} s, broker ${round(brokerS, 2)} s, worker ${round(workerS, 2)} s, Postgres ${round(postgres, 2)} s; all cores ${round(100 * shares.machineBusy)}% busy`);
    }
    const rate = Math.round(qos1Rate / 2);
    const latency = await measureLatency(brokerUrl, store.db, prefix, rate, LATENCY_SECONDS, (i) => nativeMessage(prefix, 'lt', i));
    say(`  latency at ${rate} msg/s (half the QoS 1 maximum), ${latency.probes} probes: p50 ${round(latency.p50Ms)} ms, p99 ${round(latency.p99Ms)} ms (target p99 < 2000 ms)`);
    await worker.stop();

    const profiles: Record<string, ProfileSummary> = {};
    if (args.profile) {
      for (const phase of ['nativeQos0', 'nativeQos1', 'senmlPacks']) profiles[phase] = await summariseProfile(profileFile(phase)!);
    }
    const figures: Figures = {
      'broker.qos0MsgsPerS': brokerQos0, 'broker.qos1MsgsPerS': brokerQos1, 'broker.senmlPacksPerS': brokerPacks,
      'copy.rowsPerS': copyRate,
      'ingest.nativeQos0.messagesPerS': qos0Rate, 'ingest.nativeQos0.ratioToBroker': qos0Rate / brokerQos0,
      'ingest.nativeQos1.messagesPerS': qos1Rate, 'ingest.nativeQos1.ratioToBroker': qos1Rate / brokerQos1,
      'ingest.senmlPacks.packsPerS': packRate, 'ingest.senmlPacks.readingsPerS': packRate * PACK_SIZE, 'ingest.senmlPacks.ratioToCopy': (packRate * PACK_SIZE) / copyRate,
      'latency.rateMsgsPerS': rate, 'latency.p50Ms': latency.p50Ms, 'latency.p99Ms': latency.p99Ms, 'latency.probes': latency.probes,
    };
    return { figures, profiles };
  } finally {
    await store.close();
    await database.drop();
  }
}

function printProfiles(run: number, profiles: Record<string, ProfileSummary>): void {
  for (const [phase, summary] of Object.entries(profiles)) {
    const stages = Object.entries(summary.stages).filter(([, ms]) => ms > 0).map(([stage, ms]) => `${stage} ${round((100 * ms) / summary.busyMs)}%`);
    say(`  profile run ${run} ${phase}: worker busy ${summary.busyMs} ms, idle ${summary.idleMs} ms; by stage: ${stages.join(', ')}`);
    for (const fn of summary.top) say(`    ${String(fn.selfMs).padStart(6)} ms ${(100 * fn.share).toFixed(1).padStart(5)} %  ${fn.name}`);
  }
}

async function main(): Promise<void> {
  const broker = await startMosquitto();
  if (args.profile) await mkdir(PROFILE_DIR, { recursive: true });
  say(`CityTwin ingest benchmark: Mosquitto ${broker.url} (own config), ${runs} run(s), scale ${scale}${args.profile ? `, worker profiles in ${PROFILE_DIR}` : ''}`);
  try {
    const all: Figures[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const { figures, profiles } = await runOnce(run, broker);
      all.push(figures);
      printProfiles(run, profiles);
    }
    const m = (key: string) => median(all.map((figures) => figures[key]!));
    const ratio = (key: string) => round(m(key), 3);
    const ingest = {
      nativeQos0: { messagesPerS: round(m('ingest.nativeQos0.messagesPerS')), readingsPerS: round(m('ingest.nativeQos0.messagesPerS')), ratioToBroker: ratio('ingest.nativeQos0.ratioToBroker') },
      nativeQos1: { messagesPerS: round(m('ingest.nativeQos1.messagesPerS')), readingsPerS: round(m('ingest.nativeQos1.messagesPerS')), ratioToBroker: ratio('ingest.nativeQos1.ratioToBroker') },
      senmlPacks: { packsPerS: round(m('ingest.senmlPacks.packsPerS')), readingsPerS: round(m('ingest.senmlPacks.readingsPerS')), ratioToCopy: ratio('ingest.senmlPacks.ratioToCopy') },
    };
    const summary = {
      bench: 'ingest', scale, cores: cpus().length, runs,
      broker: { qos0MsgsPerS: round(m('broker.qos0MsgsPerS')), qos1MsgsPerS: round(m('broker.qos1MsgsPerS')), senmlPacksPerS: round(m('broker.senmlPacksPerS')) },
      copy: { rowsPerS: round(m('copy.rowsPerS')), rows: PACKS * PACK_SIZE },
      ingest,
      latency: { rateMsgsPerS: round(m('latency.rateMsgsPerS')), p50Ms: round(m('latency.p50Ms')), p99Ms: round(m('latency.p99Ms')), probes: round(m('latency.probes')) },
      targets: {
        nativeQos0VsBroker: ingest.nativeQos0.ratioToBroker >= 0.8,
        nativeQos1VsBroker: ingest.nativeQos1.ratioToBroker >= 0.8,
        senmlReadingsPerS: ingest.senmlPacks.readingsPerS >= 100_000,
        senmlVsCopy: ingest.senmlPacks.ratioToCopy >= 0.8,
        p99Under2s: m('latency.p99Ms') < 2000,
      },
      // Each ratio's and rate's smallest and largest value over the runs.
      spread: spread(all, ['broker.qos0MsgsPerS', 'copy.rowsPerS', 'ingest.nativeQos0.ratioToBroker', 'ingest.nativeQos1.ratioToBroker', 'ingest.senmlPacks.ratioToCopy', 'ingest.senmlPacks.readingsPerS', 'latency.p99Ms']),
    };
    say(JSON.stringify(summary));
  } finally {
    await broker.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`ingest benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
