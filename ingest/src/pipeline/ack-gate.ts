import type { MqttClient } from 'mqtt';

type SendPacket = (packet: { cmd: string; messageId?: number }, cb?: (error?: Error) => void, cbStorePut?: unknown, noStore?: boolean) => void;

/**
 * Holds back QoS 1 PUBACKs until the message is durably stored.
 *
 * mqtt.js handles incoming packets one at a time and sends the PUBACK when
 * `handleMessage`'s callback runs, so delaying that callback would allow one
 * message per commit. Instead the callback runs at once, the PUBACK mqtt.js
 * would send is swallowed, and {@link AckGate.ackLater} returns the function
 * that sends it after the commit. A PUBACK from before a reconnect is never
 * sent on the new connection: the broker redelivers those messages (the
 * session is persistent) and the store ignores the duplicates, whereas a stale
 * packet id could acknowledge a different, not yet stored, message.
 */
export class AckGate {
  private generation = 0;
  private readonly send: SendPacket;
  private corked = false;
  /** PUBACKs sent: each for a message whose batch was committed. */
  acknowledged = 0;

  constructor(private readonly client: MqttClient) {
    const internals = client as unknown as { _sendPacket: SendPacket };
    this.send = internals._sendPacket.bind(client);
    internals._sendPacket = (packet, cb, cbStorePut, noStore) => {
      if (packet.cmd === 'puback') {
        cb?.();
        return;
      }
      this.send(packet, cb, cbStorePut, noStore);
    };
    client.on('close', () => {
      this.generation += 1;
    });
  }

  /** The acknowledgement of `packet` to run once it is committed (a no-op for QoS 0). */
  ackLater(packet: { qos: number; messageId?: number | undefined }): () => void {
    const messageId = packet.messageId;
    if (packet.qos !== 1 || messageId === undefined) return noop;
    const generation = this.generation;
    return () => {
      if (generation !== this.generation || !this.client.connected) return;
      this.cork();
      this.acknowledged += 1;
      this.send({ cmd: 'puback', messageId });
    };
  }

  // A batch releases thousands of acknowledgements at once: write them as one chunk.
  private cork(): void {
    const stream = this.client.stream;
    if (this.corked || !stream || typeof stream.cork !== 'function') return;
    this.corked = true;
    stream.cork();
    process.nextTick(() => {
      this.corked = false;
      stream.uncork();
    });
  }
}

function noop(): void {}
