import { createServer } from 'node:net';
import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import { BrokerPortInUseError, startEmbeddedBroker } from './embedded-broker';

describe('embedded broker', () => {
  it('passes messages between clients on a free port', async () => {
    const broker = await startEmbeddedBroker(0, '127.0.0.1');
    try {
      expect(broker.port).toBeGreaterThan(0);
      const subscriber = await mqtt.connectAsync(broker.url);
      const publisher = await mqtt.connectAsync(broker.url);
      await subscriber.subscribeAsync('t/#', { qos: 1 });
      const received = new Promise<string>((resolve) => subscriber.on('message', (_topic, payload) => resolve(payload.toString())));
      await publisher.publishAsync('t/1', 'hello', { qos: 1 });
      expect(await received).toBe('hello');
      await Promise.all([subscriber.endAsync(), publisher.endAsync()]);
    } finally {
      await broker.close();
    }
  });

  it('explains how to fix a port that is already taken', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const port = (squatter.address() as { port: number }).port;
    try {
      const failure = await startEmbeddedBroker(port, '127.0.0.1').catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(BrokerPortInUseError);
      expect((failure as Error).message).toMatch(new RegExp(`MQTT port ${port} is already in use.*MQTT_PORT.*MQTT_URL`));
    } finally {
      squatter.close();
    }
  });
});
