import type { Logger } from 'pino';

/** Below Docker's and Kubernetes' default grace periods (10 s / 30 s with `stop_grace_period: 30s`). */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 25_000;

/**
 * Runs `shutdown` once on the first SIGTERM or SIGINT, then exits 0; exits 1
 * if it throws, if it outlasts `timeoutMs`, or on a second signal (an
 * operator who presses Ctrl-C twice means it).
 * @example onShutdownSignal(logger, async () => { await app.close(); await store.close(); });
 */
export function onShutdownSignal(logger: Logger, shutdown: (signal: string) => Promise<void>, timeoutMs = DEFAULT_SHUTDOWN_TIMEOUT_MS): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping: draining before exit');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown took too long: exiting now');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
