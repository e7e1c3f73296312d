import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { ServerUnaryCall } from '@grpc/grpc-js';
import { rpcNameOf, type RpcServerLabel } from '@junction/metrics';
import type { Histogram } from 'prom-client';
import { finalize, tap, type Observable } from 'rxjs';
import { Status, StatusError } from './status.error';

/**
 * Times every call this service answers, by service, method and gRPC status
 * name. Outermost, so what the others decide is measured too: a deadline
 * that had passed, an injected fault, a handler's StatusError, and a bug,
 * which the error filter answers INTERNAL. A call that ends with neither
 * answer nor error was cancelled by its caller.
 */
@Injectable()
export class RpcServerMetricsInterceptor implements NestInterceptor {
  constructor(private readonly duration: Histogram<RpcServerLabel>) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const call = execution.getArgs<[unknown, unknown, ServerUnaryCall<unknown, unknown>?]>()[2];
    const path =
      call?.getPath?.() ?? `/${execution.getClass().name}/${execution.getHandler().name}`;
    const { service, method } = rpcNameOf(path);
    const done = this.duration.startTimer({
      rpc_system: 'grpc',
      rpc_service: service,
      rpc_method: method,
    });
    let status: Status = Status.CANCELLED;
    return next.handle().pipe(
      tap({
        next: () => (status = Status.OK),
        error: (error: unknown) => {
          status = error instanceof StatusError ? error.code : Status.INTERNAL;
        },
      }),
      finalize(() => done({ rpc_response_status_code: Status[status] })),
    );
  }
}
