import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { grpcMetadataSetter, junctionTracer } from '@junction/telemetry';
import { status as Status } from '@grpc/grpc-js';
import { GrpcCallError } from '../grpc-call.error';
import type { Middleware } from '../unary-call.types';

/**
 * A CLIENT span per call, child of the active context, and the W3C
 * `traceparent` written into the call's metadata so the server continues the
 * same trace. Unsampled spans are non-recording but still propagate.
 */
export const traceClient = (): Middleware => {
  const tracer = junctionTracer();
  return (next) => async (call) => {
    const span = tracer.startSpan(call.path.slice(1), {
      kind: SpanKind.CLIENT,
      attributes: {
        'rpc.system': 'grpc',
        // `/catalog.v1.CatalogService/GetProduct` → the proto service.
        'rpc.service': call.path.slice(1, call.path.lastIndexOf('/')),
        'rpc.method': call.method.name,
        // The logical upstream it resolved, which draws the service map's edge.
        'peer.service': call.upstream,
      },
    });
    const active = trace.setSpan(context.active(), span);
    propagation.inject(active, call.metadata, grpcMetadataSetter);
    try {
      const response = await context.with(active, next, undefined, call);
      span.setAttribute('rpc.grpc.status_code', Status.OK);
      return response;
    } catch (error) {
      const code = error instanceof GrpcCallError ? error.code : Status.UNKNOWN;
      span.setAttribute('rpc.grpc.status_code', code);
      span.setStatus({ code: SpanStatusCode.ERROR, message: Status[code] });
      throw error;
    } finally {
      span.end();
    }
  };
};
