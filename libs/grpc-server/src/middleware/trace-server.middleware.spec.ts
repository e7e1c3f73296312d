import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { installInMemoryTracing, type InMemoryTracing } from '@junction/telemetry/testing';
import { Status, StatusError } from '../status.error';
import { fakeServerCall } from './server-call.fixture';
import { traceServer } from './trace-server.middleware';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';
const traceparent = `00-${TRACE_ID}-${PARENT_ID}-01`;

describe('traceServer', () => {
  let tracing: InMemoryTracing;
  beforeAll(() => (tracing = installInMemoryTracing()));
  beforeEach(() => tracing.reset());
  afterAll(() => tracing.shutdown());

  const onlySpan = () => {
    const spans = tracing.spans();
    expect(spans).toHaveLength(1);
    return spans[0];
  };

  it("continues the caller's trace in a SERVER span named for the RPC, and runs the handler inside it", async () => {
    const inside = await traceServer()(async () => trace.getActiveSpan()?.spanContext().spanId)(
      fakeServerCall({ headers: { traceparent } }),
    );
    const span = onlySpan();
    expect(span.name).toBe('catalog.v1.CatalogService/GetProduct');
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.spanContext().traceId).toBe(TRACE_ID);
    expect(span.parentSpanContext?.spanId).toBe(PARENT_ID);
    expect(inside).toBe(span.spanContext().spanId);
    expect(span.attributes).toEqual({ 'rpc.system': 'grpc', 'rpc.grpc.status_code': Status.OK });
  });

  it('starts a new trace when the caller sent none', async () => {
    await traceServer()(async () => 'ok')(fakeServerCall());
    expect(onlySpan().parentSpanContext).toBeUndefined();
  });

  it("records a StatusError's code without marking the span failed", async () => {
    const notFound = new StatusError(Status.NOT_FOUND, 'gone');
    await expect(traceServer()(() => Promise.reject(notFound))(fakeServerCall())).rejects.toBe(
      notFound,
    );
    expect(onlySpan().attributes['rpc.grpc.status_code']).toBe(Status.NOT_FOUND);
    expect(onlySpan().status.code).toBe(SpanStatusCode.UNSET);
  });

  it('marks the span failed for INTERNAL, and for anything not a StatusError', async () => {
    await traceServer()(() => Promise.reject(new Error('bug')))(fakeServerCall()).catch(
      () => undefined,
    );
    expect(onlySpan().attributes['rpc.grpc.status_code']).toBe(Status.INTERNAL);
    expect(onlySpan().status).toEqual({ code: SpanStatusCode.ERROR, message: 'INTERNAL' });
  });
});
