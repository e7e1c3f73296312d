import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';
import { httpHeadersGetter } from './trace-carriers';
import { junctionTracer } from './tracer';

export interface HttpTracingOptions {
  /** Response header carrying the trace id; on every response, errors included. */
  readonly traceIdHeader: string;
}

interface TracedRequest {
  junctionSpan?: Span;
  junctionContext?: Context;
}

/**
 * Server spans for a Fastify app. Hooked at onRequest, so 404s, body parse
 * errors and rejected requests get a trace id too. Continues a valid incoming
 * `traceparent`; a malformed one is ignored and a new trace starts.
 */
export function registerHttpTracing(
  app: FastifyInstance,
  { traceIdHeader }: HttpTracingOptions,
): void {
  const tracer = junctionTracer();

  app.addHook('onRequest', (request, reply, done) => {
    const parent = propagation.extract(ROOT_CONTEXT, request.headers, httpHeadersGetter);
    const route = request.routeOptions.url;
    const span = tracer.startSpan(
      route ? `${request.method} ${route}` : request.method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          'url.path': request.url.split('?', 1)[0],
        },
      },
      parent,
    );
    if (route) span.setAttribute('http.route', route);
    const traced = request as unknown as TracedRequest;
    traced.junctionSpan = span;
    traced.junctionContext = trace.setSpan(parent, span);
    reply.header(traceIdHeader, span.spanContext().traceId);
    done();
  });

  // The handler runs inside the request's trace, so client calls it makes
  // become children of the server span.
  app.addHook('preHandler', (request, _reply, done) => {
    const active = (request as unknown as TracedRequest).junctionContext;
    if (active) context.with(active, done);
    else done();
  });

  app.addHook('onResponse', (request, reply, done) => {
    const span = (request as unknown as TracedRequest).junctionSpan;
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    done();
  });
}
