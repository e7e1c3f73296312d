import { waitUntil } from '@junction/test-support';
import { connectRedis } from './redis-connection';
import { startRedisServer, type RedisServer } from '@junction/testing';
import { RouteRateLimiters } from './route-rate-limiters';

const ROUTE = 'GET /items/:id';
const THREE_PER_MINUTE = { points: 3, durationS: 60 };
const quiet = { log: () => undefined, warn: () => undefined };

const allowedOf = async (limiters: RouteRateLimiters, client: string, requests: number) => {
  let allowed = 0;
  for (let i = 0; i < requests; i += 1) {
    if ((await limiters.consume(ROUTE, client, THREE_PER_MINUTE)).allowed) allowed += 1;
  }
  return allowed;
};

describe('RouteRateLimiters in memory', () => {
  it('allows the limit, then refuses, counting down what is left', async () => {
    const limiters = RouteRateLimiters.inMemory();
    const decisions = [];
    for (let i = 0; i < 4; i += 1) {
      decisions.push(await limiters.consume(ROUTE, 'ip:10.0.0.1', THREE_PER_MINUTE));
    }
    expect(decisions.map((d) => [d.allowed, d.limit, d.remaining, d.store])).toEqual([
      [true, 3, 2, 'local'],
      [true, 3, 1, 'local'],
      [true, 3, 0, 'local'],
      [false, 3, 0, 'local'],
    ]);
    for (const { resetS } of decisions) {
      expect(resetS).toBeGreaterThanOrEqual(59);
      expect(resetS).toBeLessThanOrEqual(60);
    }
  });

  it('gives each client and each route its own budget', async () => {
    const limiters = RouteRateLimiters.inMemory();
    expect(await allowedOf(limiters, 'ip:10.0.0.1', 5)).toBe(3);
    expect(await allowedOf(limiters, 'ip:10.0.0.2', 5)).toBe(3);
    const other = await limiters.consume('GET /other', 'ip:10.0.0.1', THREE_PER_MINUTE);
    expect(other.allowed).toBe(true);
  });

  it('applies a changed limit at once and keeps what the client already spent', async () => {
    const limiters = RouteRateLimiters.inMemory();
    expect(await allowedOf(limiters, 'ip:10.0.0.1', 3)).toBe(3);
    const raised = await limiters.consume(ROUTE, 'ip:10.0.0.1', { points: 5, durationS: 60 });
    expect(raised).toMatchObject({ allowed: true, limit: 5, remaining: 1 });
    const lowered = await limiters.consume(ROUTE, 'ip:10.0.0.1', { points: 2, durationS: 60 });
    expect(lowered).toMatchObject({ allowed: false, limit: 2, remaining: 0 });
  });
});

describe('RouteRateLimiters in Redis', () => {
  let redis: RedisServer;
  const replicas: RouteRateLimiters[] = [];
  /** One gateway's limiters, once its connection is up. */
  const replica = async () => {
    const client = connectRedis({ url: redis.url, commandTimeoutMs: 100 }, quiet);
    await waitUntil(() => client.status === 'ready', { what: 'the Redis connection' });
    const limiters = RouteRateLimiters.inRedis(client);
    replicas.push(limiters);
    return limiters;
  };
  const stored = (client: string) => redis.client.exists(`junction:rl:${ROUTE}:${client}`);

  beforeEach(async () => (redis = await startRedisServer(16390)));
  afterEach(async () => {
    await Promise.all(replicas.splice(0).map((limiters) => limiters.close()));
    await redis.stop();
  });

  it('shares one budget between replicas', async () => {
    const [a, b] = [await replica(), await replica()];
    const decisions = [];
    for (const limiters of [a, b, a, b, a]) {
      decisions.push(await limiters.consume(ROUTE, 'ip:10.0.0.1', THREE_PER_MINUTE));
    }
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
    expect(new Set(decisions.map((d) => d.store))).toEqual(new Set(['redis']));
    expect(await stored('ip:10.0.0.1')).toBe(1);
  });

  it('keeps limiting in memory while Redis is down, and counts in Redis again once it is back', async () => {
    const limiters = await replica();
    expect(await allowedOf(limiters, 'ip:10.0.0.1', 2)).toBe(2);
    await redis.stop();
    // The insurance limiter has its own count: the whole limit, then refusals; no errors.
    expect(await allowedOf(limiters, 'ip:10.0.0.1', 5)).toBe(3);
    const refused = await limiters.consume(ROUTE, 'ip:10.0.0.1', THREE_PER_MINUTE);
    expect(refused).toMatchObject({ allowed: false, store: 'insurance' });
    redis = await startRedisServer(16390);
    await waitUntil(
      async () =>
        (await limiters.consume(ROUTE, 'ip:10.0.0.9', THREE_PER_MINUTE)).store === 'redis' &&
        (await stored('ip:10.0.0.9')) === 1,
      { timeoutMs: 8000, what: 'counting in Redis again' },
    );
  });
});
