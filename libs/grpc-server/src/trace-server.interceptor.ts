import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Metadata, ServerUnaryCall } from '@grpc/grpc-js';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { grpcMetadataGetter, junctionTracer } from '@junction/telemetry';
import { finalize, tap, type Observable } from 'rxjs';
import { Status, StatusError } from './status.error';

/**
 * A SERVER span per call, continuing the caller's trace from the W3C
 * `traceparent` in the metadata; the handler (and every call it makes) runs
 * inside it, so the trace reaches the next hop too.
 */
@Injectable()
export class TraceServerInterceptor implements NestInterceptor {
  private readonly tracer = junctionTracer();

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const [, metadata, call] =
      execution.getArgs<[unknown, Metadata, ServerUnaryCall<unknown, unknown>]>();
    const parent = propagation.extract(ROOT_CONTEXT, metadata, grpcMetadataGetter);
    const path =
      call?.getPath?.() ?? `/${execution.getClass().name}/${execution.getHandler().name}`;
    const span = this.tracer.startSpan(
      path.slice(1),
      { kind: SpanKind.SERVER, attributes: { 'rpc.system': 'grpc' } },
      parent,
    );
    const active = trace.setSpan(parent, span);
    return context
      .with(active, () => next.handle())
      .pipe(
        tap({
          next: () => span.setAttribute('rpc.grpc.status_code', Status.OK),
          error: (error: unknown) => {
            const code = error instanceof StatusError ? error.code : Status.INTERNAL;
            span.setAttribute('rpc.grpc.status_code', code);
            if (code === Status.INTERNAL || code === Status.UNKNOWN) {
              span.setStatus({ code: SpanStatusCode.ERROR, message: Status[code] });
            }
          },
        }),
        finalize(() => span.end()),
      );
  }
}
