import { Catch, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { Metadata } from '@grpc/grpc-js';
import { PUSHBACK_KEY } from '@junction/grpc-client';
import type { Logger } from '@junction/telemetry';
import { throwError, type Observable } from 'rxjs';
import { Status, StatusError } from './status.error';

/** Same key the client library reads (`junction-error-reason`). */
const ERROR_REASON_KEY = 'junction-error-reason';

interface GrpcErrorObject {
  code: Status;
  details: string;
  metadata?: Metadata;
}

/**
 * Turns what a handler throws into a gRPC status: a StatusError keeps its
 * code, message, reason and pushback (as trailers); anything else is a bug, logged
 * with its stack and answered INTERNAL without internals.
 */
@Catch()
export class StatusErrorFilter implements RpcExceptionFilter<unknown> {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => this.toGrpcError(exception));
  }

  private toGrpcError(exception: unknown): GrpcErrorObject {
    if (exception instanceof StatusError) {
      const error: GrpcErrorObject = { code: exception.code, details: exception.message };
      if (exception.reason || exception.retryAfterMs !== undefined) {
        error.metadata = new Metadata();
        if (exception.reason) error.metadata.set(ERROR_REASON_KEY, exception.reason);
        if (exception.retryAfterMs !== undefined) {
          error.metadata.set(PUSHBACK_KEY, String(Math.round(exception.retryAfterMs)));
        }
      }
      return error;
    }
    this.logger.error({ err: exception }, 'unhandled error in gRPC handler');
    return { code: Status.INTERNAL, details: 'internal error' };
  }
}
