import { trace } from '@opentelemetry/api';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerHttpTracing } from './http-server-tracing';
import { installInMemoryTracing, type InMemoryTracing } from './testing/in-memory-tracing';

describe('registerHttpTracing', () => {
  let tracing: InMemoryTracing;
  let app: FastifyInstance;
  let seenInHandler: string | undefined;

  beforeAll(async () => {
    tracing = installInMemoryTracing();
    app = Fastify();
    registerHttpTracing(app, { traceIdHeader: 'x-trace-id' });
    app.get('/items/:id', async () => {
      seenInHandler = trace.getActiveSpan()?.spanContext().traceId;
      return { ok: true };
    });
    app.post('/items', async () => {
      seenInHandler = trace.getActiveSpan()?.spanContext().traceId;
      return { ok: true };
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await tracing.shutdown();
  });
  beforeEach(() => {
    tracing.reset();
    seenInHandler = undefined;
  });

  const parentTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
  const parentSpan = '00f067aa0ba902b7';

  it('continues an incoming traceparent and returns its trace id', async () => {
    const res = await app.inject({
      url: '/items/1',
      headers: { traceparent: `00-${parentTrace}-${parentSpan}-01` },
    });
    expect(res.headers['x-trace-id']).toBe(parentTrace);
    const [span] = tracing.spans();
    expect(span.name).toBe('GET /items/:id');
    expect(span.parentSpanContext?.spanId).toBe(parentSpan);
    expect(span.attributes['http.response.status_code']).toBe(200);
  });

  it('runs the handler inside the server span, also after the body is read', async () => {
    const res = await app.inject({ method: 'POST', url: '/items', payload: { a: 1 } });
    expect(seenInHandler).toBe(res.headers['x-trace-id']);
  });

  it('starts a new trace when the traceparent is malformed', async () => {
    const res = await app.inject({ url: '/items/1', headers: { traceparent: '00-nonsense-01' } });
    expect(res.headers['x-trace-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(tracing.spans()[0].parentSpanContext).toBeUndefined();
  });

  it('gives a 404 a trace id and a finished span', async () => {
    const res = await app.inject({ url: '/nowhere' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['x-trace-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(tracing.spans()[0].attributes['http.response.status_code']).toBe(404);
  });
});
