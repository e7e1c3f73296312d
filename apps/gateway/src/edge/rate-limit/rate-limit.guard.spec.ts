import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger } from '@junction/telemetry';
import type { FastifyInstance } from 'fastify';
import { GatewayMetrics } from '../../metrics/gateway-metrics';
import { GatewayRuntimeConfig } from '../../runtime-config/gateway-runtime';
import { gatewayRuntimeSchema, type GatewayRuntime } from '@junction/runtime-schemas';
import { ProblemDetailsFilter } from '../problem-details.filter';
import { RATE_LIMIT_DEFAULTS, RateLimitGuard } from './rate-limit.guard';
import { RouteRateLimiters } from './route-rate-limiters';

@Controller()
class ProbeController {
  @Get('items/:id')
  item(): { ok: boolean } {
    return { ok: true };
  }

  @Get('other')
  other(): { ok: boolean } {
    return { ok: true };
  }

  @Get('healthz')
  healthz(): { status: string } {
    return { status: 'ok' };
  }
}

/** A runtime source whose KV value a test sets, as the Consul watch would. */
const kv = { current: gatewayRuntimeSchema.parse({}) as GatewayRuntime };
const setKv = (json: unknown) => (kv.current = gatewayRuntimeSchema.parse(json));
const metrics = new GatewayMetrics();

@Module({
  controllers: [ProbeController],
  providers: [
    { provide: RouteRateLimiters, useFactory: () => RouteRateLimiters.inMemory() },
    { provide: RATE_LIMIT_DEFAULTS, useValue: { points: 3, durationS: 60 } },
    {
      provide: GatewayRuntimeConfig,
      useValue: new GatewayRuntimeConfig(
        {
          get current() {
            return kv.current;
          },
          stop: async () => undefined,
        },
        1,
      ),
    },
    { provide: GatewayMetrics, useValue: metrics },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
})
class ProbeModule {}

describe('RateLimitGuard', () => {
  let app: INestApplication;
  let fastify: FastifyInstance;
  const get = (url: string, headers: Record<string, string> = {}) =>
    fastify.inject({ method: 'GET', url, headers });
  const statusesOf = async (url: string, n: number, headers?: Record<string, string>) => {
    const statuses = [];
    for (let i = 0; i < n; i += 1) statuses.push((await get(url, headers)).statusCode);
    return statuses;
  };

  beforeEach(async () => {
    setKv({});
    const adapter = new FastifyAdapter();
    app = await NestFactory.create<NestFastifyApplication>(ProbeModule, adapter, {
      logger: false,
    });
    app.useGlobalFilters(new ProblemDetailsFilter(createLogger({ name: 'test', level: 'silent' })));
    await app.init();
    fastify = adapter.getInstance();
    await fastify.ready();
  });
  afterEach(() => app.close());

  it('answers every request of a limited route with the RateLimit headers', async () => {
    const first = await get('/items/1');
    expect(first.statusCode).toBe(200);
    expect(first.headers).toMatchObject({
      'ratelimit-limit': '3',
      'ratelimit-remaining': '2',
      'ratelimit-reset': '60',
    });
    expect(first.headers['retry-after']).toBeUndefined();
  });

  it('refuses the request over the limit with 429, Retry-After and a problem body', async () => {
    expect(await statusesOf('/items/1', 3)).toEqual([200, 200, 200]);
    const refused = await get('/items/2');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers).toMatchObject({
      'content-type': expect.stringMatching(/^application\/problem\+json/),
      'ratelimit-limit': '3',
      'ratelimit-remaining': '0',
      'retry-after': expect.stringMatching(/^[1-9]\d*$/),
    });
    expect(refused.json()).toMatchObject({
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      reason: 'RATE_LIMITED',
      detail: expect.stringContaining('3 requests per 60 s'),
    });
    const counted = await metrics.edge.rateLimited.get();
    expect(counted.values).toEqual([
      { labels: { route: 'GET /items/:id', store: 'local' }, value: 1 },
    ]);
  });

  it('gives each API key its own budget, apart from the IP budget', async () => {
    expect(await statusesOf('/items/1', 4, { 'x-api-key': 'key-aaaaaaaa' })).toEqual([
      200, 200, 200, 429,
    ]);
    expect(await statusesOf('/items/1', 4, { 'x-api-key': 'key-bbbbbbbb' })).toEqual([
      200, 200, 200, 429,
    ]);
    expect(await statusesOf('/items/1', 4)).toEqual([200, 200, 200, 429]);
  });

  it('limits each route separately', async () => {
    expect(await statusesOf('/items/1', 4)).toEqual([200, 200, 200, 429]);
    expect((await get('/other')).statusCode).toBe(200);
  });

  it('answers a malformed API key with 400 without spending any budget', async () => {
    const res = await get('/items/1', { 'x-api-key': 'no good' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ reason: 'INVALID_API_KEY' });
    expect(res.headers['ratelimit-limit']).toBeUndefined();
    expect((await get('/items/1')).headers['ratelimit-remaining']).toBe('2');
  });

  it('never limits the health endpoints', async () => {
    const res = await statusesOf('/healthz', 5);
    expect(res).toEqual([200, 200, 200, 200, 200]);
    expect((await get('/healthz')).headers['ratelimit-limit']).toBeUndefined();
  });

  it("applies a route's limit from runtime config without a restart, and lifts it with false", async () => {
    setKv({ routes: { 'GET /items/:id': { rateLimit: { points: 1 } } } });
    expect(await statusesOf('/items/1', 2)).toEqual([200, 429]);
    expect((await get('/other')).headers['ratelimit-limit']).toBe('3');
    setKv({ routes: { 'GET /items/:id': { rateLimit: false } } });
    const unlimited = await get('/items/1');
    expect(unlimited.statusCode).toBe(200);
    expect(unlimited.headers['ratelimit-limit']).toBeUndefined();
  });

  it('applies the limit of every route from runtime config', async () => {
    setKv({ rateLimit: { points: 10, durationS: 5 } });
    expect((await get('/other')).headers).toMatchObject({
      'ratelimit-limit': '10',
      'ratelimit-reset': '5',
    });
  });
});
