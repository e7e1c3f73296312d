import type { EventEmitter } from 'node:events';
import { Observable } from 'rxjs';
import { Status, StatusError } from '../status.error';

/**
 * Emits once `ms` have passed, to hold a call before its handler runs. It
 * never waits past the call's deadline: by then the client has given up, so
 * it ends with DEADLINE_EXCEEDED and the handler is skipped. A client that
 * cancels ends it at once. Either way (and on unsubscribe) the timer and the
 * listener are removed, so a held call leaves nothing behind.
 */
export function injectedDelay(
  ms: number,
  deadline: number | undefined,
  call: Pick<EventEmitter, 'once' | 'off'> | undefined,
): Observable<void> {
  return new Observable<void>((subscriber) => {
    const untilDeadline = deadline === undefined ? Infinity : deadline - Date.now();
    const outlivesDeadline = ms >= untilDeadline;
    const timer = setTimeout(
      () => {
        if (outlivesDeadline) {
          subscriber.error(
            new StatusError(Status.DEADLINE_EXCEEDED, 'deadline exceeded during injected latency'),
          );
          return;
        }
        subscriber.next();
        subscriber.complete();
      },
      Math.max(0, Math.min(ms, untilDeadline)),
    );
    const onCancelled = () =>
      subscriber.error(
        new StatusError(Status.CANCELLED, 'cancelled by the client during injected latency'),
      );
    call?.once('cancelled', onCancelled);
    return () => {
      clearTimeout(timer);
      call?.off('cancelled', onCancelled);
    };
  });
}
