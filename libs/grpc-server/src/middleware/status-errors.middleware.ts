import type { Logger } from '@junction/telemetry';
import type { ServerMiddleware } from '../server-call.types';
import { Status, StatusError } from '../status.error';

/**
 * Innermost: whatever the handler throws leaves as a StatusError. A
 * StatusError passes as it is; anything else is a bug, logged with its stack
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
      logger.error({ err: error }, 'unhandled error in gRPC handler');
      throw new StatusError(Status.INTERNAL, 'internal error');
    });
