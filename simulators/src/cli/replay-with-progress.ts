import type { SimulatedSensor } from '../fleet/fleet-layout';
import { connectPublisher } from '../mqtt/connect-publisher';
import type { RecordedRow } from '../replay/replay-source';
import { replayRows, type ReplayOptions } from '../replay/run-replay';
import type { CliIo } from './cli-io';
import { startProgressLine } from './progress-line';
import { stopOnInterrupt } from './stop-signal';

export interface ReplayCommandRun extends Omit<ReplayOptions, 'signal' | 'observe'> {
  mqttUrl: string;
  /** Names the MQTT client (`<clientName>-...`). */
  clientName: string;
  sensors: ReadonlyArray<SimulatedSensor & { name?: string }>;
  rows: readonly RecordedRow[];
}

/**
 * Connects, replays the rows with a live progress line, stops cleanly on
 * Ctrl-C and prints the totals. Returns the command's exit code.
 */
export async function replayWithProgress(io: CliIo, run: ReplayCommandRun): Promise<number> {
  const { mqttUrl, clientName, sensors, rows, ...options } = run;
  const client = await connectPublisher(mqttUrl, clientName);
  const stop = stopOnInterrupt();
  let progress: { stop(): void } | undefined;
  try {
    const stats = await replayRows(client, sensors, rows, {
      ...options,
      signal: stop.signal,
      observe: (live) => (progress = startProgressLine(io, () => live)),
    });
    progress?.stop();
    progress = undefined;
    io.stdout.write(`totals: ${stats.sent} messages, ${stats.readings} readings, ${stats.errors} errors${stop.signal.aborted ? ' (interrupted)' : ''}\n`);
    return stats.errors > 0 ? 1 : 0;
  } finally {
    progress?.stop();
    stop.dispose();
    await client.endAsync();
  }
}
