import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { ServerUnaryCall } from '@grpc/grpc-js';
import { context } from '@opentelemetry/api';
import { withDeadline } from '@junction/resilience';
import { throwError, type Observable } from 'rxjs';
import { Status, StatusError } from './status.error';

/** The inbound call's deadline (epoch ms), or undefined when the caller set none. */
function inboundDeadline(call: ServerUnaryCall<unknown, unknown> | undefined): number | undefined {
  const deadline = call?.getDeadline?.();
  if (deadline === undefined) return undefined;
  const epochMs = deadline instanceof Date ? deadline.getTime() : deadline;
  // grpc-js says "no deadline" with Infinity.
  return Number.isFinite(epochMs) ? epochMs : undefined;
}

/**
 * Runs each handler inside its caller's deadline, as the request's deadline
 * budget, so the calls it makes downstream (orders → inventory) get no more
 * time than the caller still waits. A call whose deadline passed before its
 * handler could start is answered DEADLINE_EXCEEDED without running it: no
 * one is waiting for that work.
 */
@Injectable()
export class DeadlineServerInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const call = execution.getArgs<[unknown, unknown, ServerUnaryCall<unknown, unknown>?]>()[2];
    const deadline = inboundDeadline(call);
    if (deadline === undefined) return next.handle();
    if (deadline <= Date.now()) {
      return throwError(
        () =>
          new StatusError(Status.DEADLINE_EXCEEDED, 'deadline passed before the handler started'),
      );
    }
    // Nest runs the handler in the async context next.handle() is called in.
    return context.with(withDeadline(context.active(), deadline), () => next.handle());
  }
}
