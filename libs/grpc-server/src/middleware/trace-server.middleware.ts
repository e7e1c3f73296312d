import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type TextMapGetter,
} from '@opentelemetry/api';
import { junctionTracer } from '@junction/telemetry';
import type { InboundCall, ServerMiddleware } from '../server-call.types';
import { Status, StatusError } from '../status.error';

/** Reads W3C trace headers straight from the call, without building its Metadata. */
const inboundGetter: TextMapGetter<InboundCall> = {
  keys: (call) => Object.keys(call.metadata.getMap()),
  get: (call, key) => call.header(key),
};

/**
 * A SERVER span per call, continuing the caller's trace from the W3C
 * `traceparent` in the metadata; the rest of the chain and the handler (and
 * every call it makes) run inside it, so the trace reaches the next hop too.
 */
export const traceServer = (): ServerMiddleware => {
  const tracer = junctionTracer();
  return (next) => (call) => {
    const parent = propagation.extract(ROOT_CONTEXT, call.inbound, inboundGetter);
    const span = tracer.startSpan(
      call.inbound.path.slice(1),
      { kind: SpanKind.SERVER, attributes: { 'rpc.system': 'grpc' } },
      parent,
    );
    return context.with(trace.setSpan(parent, span), next, undefined, call).then(
      (response) => {
        span.setAttribute('rpc.grpc.status_code', Status.OK);
        span.end();
        return response;
      },
      (error: unknown) => {
        const code = error instanceof StatusError ? error.code : Status.INTERNAL;
        span.setAttribute('rpc.grpc.status_code', code);
        if (code === Status.INTERNAL || code === Status.UNKNOWN) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: Status[code] });
        }
        span.end();
        throw error;
      },
    );
  };
};
