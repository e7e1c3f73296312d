import type { Logger } from './logger.factory';

/**
 * On the first SIGTERM or SIGINT: log it, run `stop`, log "stopped", flush
 * the log and exit 0 (even if `stop` failed: it logs its own trouble). A
 * second signal while stopping is ignored.
 */
export function exitOnSignal(logger: Logger, stop: () => Promise<unknown>): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      void stop().finally(() => {
        logger.info('stopped');
        logger.flush(() => process.exit(0));
      });
    });
  }
}
