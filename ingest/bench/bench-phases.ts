import mqtt, { type MqttClient } from 'mqtt';
import { cellToBigInt, type Reading } from '@citytwin/shared';
import type { Db } from '@citytwin/store';

export type Message = { topic: string; payload: string };

/** Publishes `messages` as fast as the client takes them, at most `window` QoS 1 messages unacknowledged. */
export async function publishAll(client: MqttClient, messages: readonly Message[], qos: 0 | 1, window = 5000): Promise<void> {
  for (let start = 0; start < messages.length; start += window) {
    const chunk = messages.slice(start, start + window);
    if (qos === 1) await Promise.all(chunk.map((m) => client.publishAsync(m.topic, m.payload, { qos: 1 })));
    else {
      for (const m of chunk) client.publish(m.topic, m.payload, { qos: 0 });
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 20): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error('benchmark phase timed out');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** (a) The broker's own pass-through: a subscriber that only counts. Messages per second. */
export async function measureBroker(url: string, prefix: string, messages: readonly Message[], qos: 0 | 1): Promise<number> {
  const subscriber = await mqtt.connectAsync(url, { clientId: `bench-count-${prefix}-${qos}`, clean: true });
  let received = 0;
  subscriber.on('message', () => {
    received += 1;
  });
  await subscriber.subscribeAsync(`${prefix}/sensors/+`, { qos });
  const publisher = await mqtt.connectAsync(url, { clientId: `bench-pub-${prefix}-${qos}` });
  const started = performance.now();
  await publishAll(publisher, messages, qos);
  await waitUntil(() => received >= messages.length, 120_000, 5);
  const rate = messages.length / ((performance.now() - started) / 1000);
  await publisher.endAsync();
  await subscriber.endAsync();
  return rate;
}

/** (b) Raw COPY of the same rows into an empty table shaped like `readings`. Rows per second. */
export async function measureCopy(db: Db, readings: readonly Reading[], chunk = 50_000): Promise<number> {
  await db.exec('DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (LIKE readings INCLUDING ALL)');
  const csvs: string[] = [];
  for (let start = 0; start < readings.length; start += chunk) {
    csvs.push(readings.slice(start, start + chunk).map((r) => `${r.sensorId},${r.metric},${new Date(r.tsMs).toISOString()},${r.value},${cellToBigInt(r.cell)}`).join('\n') + '\n');
  }
  const started = performance.now();
  for (const csv of csvs) await db.copyCsv('bench_copy', ['sensor_id', 'metric', 'ts', 'value', 'cell'], csv);
  const rate = readings.length / ((performance.now() - started) / 1000);
  await db.exec('DROP TABLE bench_copy');
  return rate;
}

/**
 * Readings stored so far, from the rollups committed with them: the 1-hour
 * tier where it is derived, the 5-minute tier for the hours still pending
 * (one snapshot, far fewer rows than the readings).
 */
export async function storedReadings(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT ((SELECT coalesce(sum(count), 0) FROM cell_rollups r WHERE width_s = 3600
               AND NOT EXISTS (SELECT 1 FROM rollup_pending_hours p WHERE p.metric = r.metric AND p.hour = r.bucket))
           + (SELECT coalesce(sum(r.count), 0) FROM rollup_pending_hours p JOIN cell_rollups r
               ON r.metric = p.metric AND r.width_s = 300 AND r.bucket >= p.hour AND r.bucket < p.hour + interval '1 hour'))::float8 AS n`,
  );
  return row?.n ?? 0;
}

/** (c) End to end: publish, wait until every reading is in the store. Seconds taken. */
export async function measureIngest(url: string, db: Db, prefix: string, messages: readonly Message[], readings: number, qos: 0 | 1): Promise<number> {
  const before = await storedReadings(db);
  const publisher = await mqtt.connectAsync(url, { clientId: `bench-ingest-pub-${prefix}-${qos}` });
  const started = performance.now();
  await publishAll(publisher, messages, qos);
  await waitUntil(async () => (await storedReadings(db)) >= before + readings, 300_000);
  const seconds = (performance.now() - started) / 1000;
  await publisher.endAsync();
  return seconds;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Publish-to-queryable latency at a steady `rate` (messages/s, QoS 1) for
 * `seconds`: every 20th message is a probe whose row is polled for every 20 ms.
 */
export async function measureLatency(url: string, db: Db, prefix: string, rate: number, seconds: number, make: (i: number) => Message): Promise<{ p50Ms: number; p99Ms: number; probes: number }> {
  const publisher = await mqtt.connectAsync(url, { clientId: `bench-latency-${prefix}` });
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  const probeTs = (k: number) => Date.parse('2026-03-01T00:00:00Z') + k * 1000;
  let i = 0;
  let probe = 0;
  const started = performance.now();
  const ticker = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; i < due; i += 1) {
      if (i % 20 === 0) {
        const ts = probeTs(probe++);
        sentAt.set(ts, performance.now());
        publisher.publish(`${prefix}/sensors/probe`, JSON.stringify({ ts, lat: 39.9, lng: 116.4, values: { pm25: 1 } }), { qos: 1 });
      } else {
        const m = make(i);
        publisher.publish(m.topic, m.payload, { qos: 1 });
      }
    }
  }, 5);
  let firstUnseen = 0;
  const poll = async () => {
    while (firstUnseen < probe && !sentAt.has(probeTs(firstUnseen))) firstUnseen += 1;
    const rows = await db.query<{ ms: number }>(`SELECT (extract(epoch FROM ts) * 1000)::float8 AS ms FROM readings WHERE sensor_id = 'probe' AND metric = 'pm25' AND ts >= $1`, [new Date(probeTs(firstUnseen)).toISOString()]);
    const now = performance.now();
    for (const { ms } of rows) {
      const at = sentAt.get(ms);
      if (at !== undefined) {
        latencies.push(now - at);
        sentAt.delete(ms);
      }
    }
  };
  while (performance.now() - started < seconds * 1000) {
    await poll();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  clearInterval(ticker);
  await waitUntil(async () => {
    await poll();
    return sentAt.size === 0;
  }, 60_000);
  await publisher.endAsync();
  const sorted = latencies.sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), probes: sorted.length };
}
