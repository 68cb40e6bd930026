import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';

/**
 * Connects a publishing client with a unique id (two simulators never kick
 * each other off the broker).
 */
export async function connectPublisher(mqttUrl: string, role: string): Promise<MqttClient> {
  const clientId = `citytwin-${role}-${randomBytes(4).toString('hex')}`;
  return mqtt.connectAsync(mqttUrl, { clientId, reconnectPeriod: 1000, connectTimeout: 10_000 });
}
