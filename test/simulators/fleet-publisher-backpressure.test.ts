import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMosquitto, type MosquittoInstance } from '@citytwin/ingest/testing';
import { FleetPublisher, Pacer, type SlotSource } from '@citytwin/simulators';
import { pollUntil } from '../support/poll-until';

/** Endless QoS 0 messages of about 1 kB, all due at once. */
function floodSource(): SlotSource {
  const sensor = { id: 'flood-1', kind: 'noise', lat: 39.9, lng: 116.4, metrics: ['noise_db'] } as const;
  const payload = JSON.stringify({ ts: 0, values: { noise_db: 55 }, pad: 'x'.repeat(1000) });
  let n = 0;
  return {
    peekTsMs: () => n,
    next: () => ({ tsMs: n++, sensor: { ...sensor, metrics: [...sensor.metrics] }, messages: [{ topic: 'citytwin/sensors/flood-1', payload, readings: 1 }] }),
  };
}

describe('the fleet publisher against a broker that stops reading (real Mosquitto, frozen)', () => {
  let broker: MosquittoInstance;
  let client: MqttClient;
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);

  beforeAll(async () => {
    broker = await startMosquitto();
    client = await mqtt.connectAsync(broker.url, { clientId: `flood-${process.pid}`, reconnectPeriod: 0 });
    process.on('warning', onWarning);
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    broker?.thaw();
    await client?.endAsync(true);
    await broker?.dispose();
  });

  // Regression: at 2,000 msg/s the simulator printed MaxListenersExceededWarning — MQTT.js parks one
  // `drain` listener per QoS 0 publish once the socket is full, and the publisher went on publishing.
  it('waits for the socket instead of parking a drain listener per message, and sends everything once the broker reads again', async () => {
    const publisher = new FleetPublisher(client, 0);
    const stop = new AbortController();
    broker.freeze();
    let mostDrainListeners = 0;
    const watch = setInterval(() => (mostDrainListeners = Math.max(mostDrainListeners, client.stream.listenerCount('drain'))), 5);
    const running = publisher.run(floodSource(), new Pacer(0, Infinity), { qos: 0, endMs: Infinity, signal: stop.signal });
    // Until the socket is full and the publisher has stopped handing over messages.
    await pollUntil('the socket to fill up', async () => (client.stream.writableNeedDrain ? true : undefined), 60_000);
    const handedOver = publisher.stats.sent;
    await new Promise((resolve) => setTimeout(resolve, 500));
    stop.abort();
    broker.thaw();
    await running;
    await publisher.settle(true);
    clearInterval(watch);
    expect(handedOver).toBeGreaterThan(0);
    expect(mostDrainListeners).toBeLessThanOrEqual(2);
    expect(publisher.stats.errors).toBe(0);
    expect(warnings.filter((warning) => warning.startsWith('MaxListenersExceededWarning'))).toEqual([]);
  }, 120_000);
});
