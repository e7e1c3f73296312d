import { trace } from '@opentelemetry/api';
import { activeDeadline } from '@junction/resilience';
import { registerHttpTracing } from '@junction/telemetry';
import { installInMemoryTracing, type InMemoryTracing } from '@junction/telemetry/testing';
import Fastify, { type FastifyInstance } from 'fastify';
import type { GatewayRuntimeConfig } from './gateway-runtime';
import { registerRouteDeadline } from './route-deadline.hook';

describe('registerRouteDeadline', () => {
  let tracing: InMemoryTracing;
  let app: FastifyInstance;
  const timeouts: Record<string, number> = { 'GET /tight/:id': 500 };
  const runtime = {
    routeTimeoutMs: (route: string) => timeouts[route] ?? 2000,
  } as unknown as GatewayRuntimeConfig;

  beforeAll(async () => {
    tracing = installInMemoryTracing();
    app = Fastify();
    registerHttpTracing(app, { traceIdHeader: 'x-trace-id' });
    registerRouteDeadline(app, runtime);
    // What a handler's upstream calls see: the budget left, and the trace they join.
    const seen = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return {
        leftMs: (activeDeadline() ?? Infinity) - Date.now(),
        traceId: trace.getActiveSpan()?.spanContext().traceId,
      };
    };
    app.get('/tight/:id', seen);
    app.get('/roomy', seen);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await tracing.shutdown();
  });

  it('gives the handler, across awaits, the budget runtime config sets for its route template', async () => {
    const res = await app.inject({ method: 'GET', url: '/tight/7' });
    const { leftMs } = res.json<{ leftMs: number }>();
    expect(leftMs).toBeGreaterThan(0);
    expect(leftMs).toBeLessThanOrEqual(500);
  });

  it('gives other routes their own (default) budget', async () => {
    const { leftMs } = (await app.inject({ method: 'GET', url: '/roomy' })).json<{
      leftMs: number;
    }>();
    expect(leftMs).toBeGreaterThan(1000);
    expect(leftMs).toBeLessThanOrEqual(2000);
  });

  it("keeps the handler inside the request's trace", async () => {
    const res = await app.inject({ method: 'GET', url: '/roomy' });
    expect(res.json<{ traceId: string }>().traceId).toBe(res.headers['x-trace-id']);
  });
});
