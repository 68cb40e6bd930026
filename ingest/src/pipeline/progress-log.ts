import type { Logger } from 'pino';
import type { BatchWriter } from './batch-writer';
import type { IngestStats } from './ingest-stats';

/**
 * Logs one progress line every `intervalMs` while messages flow: rates since
 * the last line, what waits in memory and how long the oldest has waited.
 */
export function startProgressLog(stats: IngestStats, writer: BatchWriter, logger: Logger, intervalMs: number): { stop(): void } {
  let last = { at: performance.now(), messages: stats.messagesIn, stored: stats.readingsStored, dead: stats.deadLetters };
  const timer = setInterval(() => {
    const now = { at: performance.now(), messages: stats.messagesIn, stored: stats.readingsStored, dead: stats.deadLetters };
    if (now.messages === last.messages && now.stored === last.stored && stats.pending === 0) return;
    const seconds = (now.at - last.at) / 1000;
    logger.info(
      {
        messagesPerS: Math.round((now.messages - last.messages) / seconds),
        readingsStoredPerS: Math.round((now.stored - last.stored) / seconds),
        deadLetters: now.dead - last.dead,
        pending: stats.pending,
        lagS: Number(writer.oldestWaitS().toFixed(3)),
        lastCommitMs: Math.round(stats.lastCommitMs),
        backpressure: stats.backpressure,
      },
      'ingest progress',
    );
    last = now;
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
