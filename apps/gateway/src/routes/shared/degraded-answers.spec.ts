import { context, trace } from '@opentelemetry/api';
import { installInMemoryTracing, type InMemoryTracing } from '@junction/telemetry/testing';
import type { FastifyReply } from 'fastify';
import { GatewayMetrics } from '../../metrics/gateway-metrics';
import { DegradedAnswers } from './degraded-answers';

const replyRecorder = () => {
  const headers: Record<string, string> = {};
  const reply = {
    header: (name: string, value: string) => {
      headers[name] = value;
      return reply;
    },
  };
  return { reply: reply as unknown as FastifyReply, headers };
};

describe('degraded answers', () => {
  let tracing: InMemoryTracing;
  beforeAll(() => (tracing = installInMemoryTracing()));
  afterAll(() => tracing.shutdown());

  it('names the missing sections in a header, counts them per route, marks the span', async () => {
    const metrics = new GatewayMetrics();
    const { reply, headers } = replyRecorder();
    const span = trace.getTracer('test').startSpan('GET /api/v1/products/:id');
    context.with(trace.setSpan(context.active(), span), () =>
      new DegradedAnswers(metrics).mark(reply, 'GET /api/v1/products/:id', [
        'inventory',
        'reviews',
      ]),
    );
    span.end();
    expect(headers).toEqual({ 'x-degraded': 'inventory,reviews' });
    const counted = (await metrics.edge.fallbacks.get()).values.map((v) => [
      v.labels.section,
      v.value,
    ]);
    expect(counted).toEqual([
      ['inventory', 1],
      ['reviews', 1],
    ]);
    expect(tracing.spans()[0].attributes['junction.degraded']).toBe('inventory,reviews');
  });

  it('leaves a full answer alone', async () => {
    const metrics = new GatewayMetrics();
    const { reply, headers } = replyRecorder();
    new DegradedAnswers(metrics).mark(reply, 'GET /api/v1/products', []);
    expect(headers).toEqual({});
    expect((await metrics.edge.fallbacks.get()).values).toEqual([]);
  });
});
