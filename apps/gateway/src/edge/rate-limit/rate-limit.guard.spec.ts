import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Authenticator, createApiKey, withRecord } from '@junction/auth';
import { createLogger } from '@junction/telemetry';
import type { FastifyInstance } from 'fastify';
import { GatewayMetrics } from '../../metrics/gateway-metrics';
import { GatewayRuntimeConfig } from '../../runtime-config/gateway-runtime';
import { gatewayRuntimeSchema, type GatewayRuntime } from '@junction/runtime-schemas';
import { registerAuthentication } from '../auth/authentication.hook';
import { EdgeAuthentication } from '../auth/edge-authentication';
import { PublicRoute } from '../auth/route-access.decorator';
import { ProblemDetailsFilter } from '../problem-details.filter';
import { RATE_LIMIT_DEFAULTS, RateLimitGuard } from './rate-limit.guard';
import { RequestIdentities } from './request-identities';
import { RouteRateLimiters } from './route-rate-limiters';

@Controller()
class ProbeController {
  @Get('items/:id')
  @PublicRoute()
  item(): { ok: boolean } {
    return { ok: true };
  }

  @Get('other')
  @PublicRoute()
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
const alice = createApiKey('alice', []);
const aliceAgain = createApiKey('alice', []);
const keys = withRecord(withRecord({ keys: {} }, alice.record), aliceAgain.record);

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
          loaded: true,
          stop: async () => undefined,
        },
        1,
      ),
    },
    { provide: GatewayMetrics, useValue: metrics },
    {
      provide: EdgeAuthentication,
      inject: [RouteRateLimiters],
      useFactory: (limiters: RouteRateLimiters) =>
        new EdgeAuthentication({
          authenticator: new Authenticator({ apiKeys: () => keys }),
          limiters,
          failureLimit: 100,
          onRefused: () => undefined,
        }),
    },
    { provide: RequestIdentities, useExisting: EdgeAuthentication },
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
    registerAuthentication(adapter.getInstance(), app.get(EdgeAuthentication));
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

  it('gives each verified API key its own budget, apart from the IP budget', async () => {
    expect(await statusesOf('/items/1', 4, { 'x-api-key': alice.key })).toEqual([
      200, 200, 200, 429,
    ]);
    // The same owner's second key is a budget of its own: budgets follow keys.
    expect(await statusesOf('/items/1', 4, { authorization: `Bearer ${aliceAgain.key}` })).toEqual([
      200, 200, 200, 429,
    ]);
    expect(await statusesOf('/items/1', 4)).toEqual([200, 200, 200, 429]);
  });

  it('limits each route separately', async () => {
    expect(await statusesOf('/items/1', 4)).toEqual([200, 200, 200, 429]);
    expect((await get('/other')).statusCode).toBe(200);
  });

  it('gives an unverified key no budget of its own: it is refused before the limiter counts', async () => {
    expect(await statusesOf('/items/1', 2)).toEqual([200, 200]);
    for (const invented of ['jk_invented.aaaaaaaaaaaaaaaa', 'jk_other.bbbbbbbbbbbbbbbb']) {
      const res = await get('/items/1', { 'x-api-key': invented });
      expect(res.statusCode).toBe(401);
      expect(res.headers['ratelimit-limit']).toBeUndefined();
    }
    expect((await get('/items/1')).headers['ratelimit-remaining']).toBe('0');
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
