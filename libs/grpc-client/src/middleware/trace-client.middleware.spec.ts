import { status as Status } from '@grpc/grpc-js';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { installInMemoryTracing, type InMemoryTracing } from '@junction/telemetry/testing';
import { GrpcCallError } from '../grpc-call.error';
import { fakeUnaryCall } from '../unary-call.fixture';
import { traceClient } from './trace-client.middleware';

describe('traceClient', () => {
  let tracing: InMemoryTracing;
  beforeAll(() => (tracing = installInMemoryTracing()));
  afterAll(() => tracing.shutdown());
  beforeEach(() => tracing.reset());

  it('writes a traceparent continuing the active trace and records a CLIENT span', async () => {
    const call = fakeUnaryCall();
    let sentTraceparent = '';
    const handler = traceClient()(async (c) => {
      sentTraceparent = String(c.metadata.get('traceparent')[0]);
      return 'ok';
    });
    const parentTraceId = await trace
      .getTracer('test')
      .startActiveSpan('parent', async (parent) => {
        await handler(call);
        parent.end();
        return parent.spanContext().traceId;
      });
    const client = tracing.spans().find((s) => s.kind === SpanKind.CLIENT)!;
    expect(client.name).toBe('catalog.v1.CatalogService/GetProduct');
    expect(client.spanContext().traceId).toBe(parentTraceId);
    expect(sentTraceparent).toBe(`00-${parentTraceId}-${client.spanContext().spanId}-01`);
    expect(client.attributes['rpc.grpc.status_code']).toBe(Status.OK);
  });

  it('marks the span with the failure code and rethrows', async () => {
    const failure = new GrpcCallError(Status.UNAVAILABLE, 'down', 'catalog', '/x/Y');
    const handler = traceClient()(async () => {
      throw failure;
    });
    await expect(handler(fakeUnaryCall())).rejects.toBe(failure);
    const [span] = tracing.spans();
    expect(span.attributes['rpc.grpc.status_code']).toBe(Status.UNAVAILABLE);
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
  });
});
