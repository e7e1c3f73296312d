import { startRedisServer, waitUntil, type RedisServer } from '@junction/testing';
import { GATEWAY_PORTS, REDIS_PORTS } from './support/edge-ports';
import { logLines, startGateway, STATIC_UPSTREAMS, type RunningGateway } from './support/gateway';
import { expectRateLimited, get, getSeries, statusCounts, times } from './support/http';
import { counterKeys } from './support/redis-counters';

const REDIS_READY = 'Redis ready';
const REDIS_DOWN = 'Redis unavailable';

const gatewayOn = async (port: number, redis: RedisServer, limit: number) => {
  const gateway = await startGateway(port, {
    ...STATIC_UPSTREAMS,
    REDIS_URL: redis.url,
    RATE_LIMIT_POINTS: String(limit),
    RATE_LIMIT_DURATION_S: '60',
  });
  // Until its connection is up a gateway counts in memory; the tests start from shared counting.
  await waitUntil(() => logLines(gateway, REDIS_READY).length > 0, { what: 'Redis connected' });
  return gateway;
};

describe('rate limits shared through Redis', () => {
  const LIMIT = 10;
  let redis: RedisServer;
  let a: RunningGateway;
  let b: RunningGateway;

  beforeAll(async () => {
    redis = await startRedisServer(REDIS_PORTS.shared);
    [a, b] = await Promise.all([
      gatewayOn(GATEWAY_PORTS.sharedA, redis, LIMIT),
      gatewayOn(GATEWAY_PORTS.sharedB, redis, LIMIT),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  it('lets one client through the limit once in total across two gateways', async () => {
    const urls = times(15, 0).flatMap(() => [a, b].map((gw) => `${gw.url}/api/v1/products/4`));
    // One client: its IP (these gateways run on static upstreams, without Consul's API keys).
    const answers = await getSeries(urls);
    expect(statusCounts(answers)).toEqual({ 200: LIMIT, 429: 30 - LIMIT });
    // One countdown, whichever gateway answered.
    expect(answers.slice(0, LIMIT).map((x) => x.headers.get('ratelimit-remaining'))).toEqual([
      '9',
      '8',
      '7',
      '6',
      '5',
      '4',
      '3',
      '2',
      '1',
      '0',
    ]);
    for (const refused of answers.slice(LIMIT)) expectRateLimited(refused, LIMIT);
    expect(await counterKeys(redis)).toHaveLength(1);
  });
});

describe('rate limiting while Redis is down', () => {
  const LIMIT = 5;
  let redis: RedisServer;
  let gateway: RunningGateway;
  const product = () => `${gateway.url}/api/v1/products/5`;

  beforeAll(async () => {
    redis = await startRedisServer(REDIS_PORTS.outage);
    gateway = await gatewayOn(GATEWAY_PORTS.redisOutage, redis, LIMIT);
  });
  afterAll(async () => {
    await gateway?.stop();
    await redis?.stop();
  });

  it('keeps limiting per process with no 5xx, logs the outage once, and shares again once Redis is back', async () => {
    expect(statusCounts(await getSeries(times(3, product())))).toEqual({ 200: 3 });
    expect(await counterKeys(redis)).toHaveLength(1);

    await redis.stop();
    const during = await getSeries(times(2 * LIMIT, product()));
    // The insurance limiter counts from zero: the whole limit again, then 429.
    expect(statusCounts(during)).toEqual({ 200: LIMIT, 429: LIMIT });
    for (const answer of during) expect(answer.headers.get('ratelimit-limit')).toBe('5');
    expect(logLines(gateway, REDIS_DOWN)).toHaveLength(1);

    redis = await startRedisServer(REDIS_PORTS.outage);
    await waitUntil(
      async () => {
        await get(product());
        return (await counterKeys(redis)).length > 0;
      },
      { timeoutMs: 10_000, what: 'counters in Redis again' },
    );
    expect(logLines(gateway, REDIS_DOWN)).toHaveLength(1);
  });
});
