import type { InboundCall } from '../server-call.types';
import { Status, StatusError } from '../status.error';

/**
 * Resolves once `ms` have passed, to hold a call before its handler runs. It
 * never waits past the call's deadline: by then the client has given up, so
 * it fails with DEADLINE_EXCEEDED and the handler is skipped. A client that
 * cancels ends it at once (CANCELLED). Either way the timer and the cancel
 * listener are removed, so a held call leaves nothing behind.
 */
export function injectedDelay(
  ms: number,
  deadline: number | undefined,
  call: Pick<InboundCall, 'onCancel'>,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const untilDeadline = deadline === undefined ? Infinity : deadline - Date.now();
    const outlivesDeadline = ms >= untilDeadline;
    const timer = setTimeout(
      () => {
        stopListening();
        if (outlivesDeadline) {
          reject(
            new StatusError(Status.DEADLINE_EXCEEDED, 'deadline exceeded during injected latency'),
          );
        } else resolve();
      },
      Math.max(0, Math.min(ms, untilDeadline)),
    );
    const stopListening = call.onCancel(() => {
      clearTimeout(timer);
      reject(new StatusError(Status.CANCELLED, 'cancelled by the client during injected latency'));
    });
  });
}
