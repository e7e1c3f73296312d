import type { Logger } from '@junction/telemetry';
import type { ServerMiddleware } from '../server-call.types';
import { Status, StatusError } from '../status.error';

/**
 * A failure from a framework-free lib that knows its gRPC status without
 * importing this one (e.g. @junction/persistence's DatabaseUnavailableError).
 */
interface StatusBearing {
  readonly grpcCode: Status;
  readonly reason: string;
  readonly publicMessage: string;
}

const isStatusBearing = (error: unknown): error is StatusBearing & Error => {
  const candidate = error as Partial<StatusBearing> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.grpcCode === 'number' &&
    Status[candidate.grpcCode] !== undefined &&
    typeof candidate.reason === 'string' &&
    typeof candidate.publicMessage === 'string'
  );
};

/**
 * Innermost: whatever the handler throws leaves as a StatusError. A
 * StatusError passes as it is; a status-bearing failure is logged (a warning
 * with its cause: it is an outage, not a bug) and answered with its code,
 * reason and public message; anything else is a bug, logged with its stack
 * and answered INTERNAL with a fixed message, so no stack trace or internal
 * text reaches the caller. Inside the span, so the log line carries its
 * trace_id.
 */
export const statusErrors =
  (logger: Logger): ServerMiddleware =>
  (next) =>
  (call) =>
    next(call).catch((error: unknown) => {
      if (error instanceof StatusError) throw error;
      if (isStatusBearing(error)) {
        logger.warn({ err: error, reason: error.reason }, error.message);
        throw new StatusError(error.grpcCode, error.publicMessage, error.reason);
      }
      logger.error({ err: error }, 'unhandled error in gRPC handler');
      throw new StatusError(Status.INTERNAL, 'internal error');
    });
