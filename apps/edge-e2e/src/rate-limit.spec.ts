import { createStackApiKey, waitUntil } from '@junction/testing';
import { GATEWAY_PORTS, REGISTRY_URL } from './support/edge-ports';
import { REGISTRY_DISCOVERY, startGateway, type RunningGateway } from './support/gateway';
import { expectRateLimited, get, getSeries, statusCounts, times } from './support/http';

const LIMIT = 5;
const KV = `${REGISTRY_URL}/v1/kv/junction/config/gateway`;

describe('rate limiting (in memory, one gateway)', () => {
  let gateway: RunningGateway;
  const product = () => `${gateway.url}/api/v1/products/3`;
  // Real keys, issued as the CLI issues them: each is a budget of its own.
  const keys = new Map<string, string>();
  const withKey = (name: string) => {
    const key = keys.get(name);
    if (!key) throw new Error(`no key "${name}" issued in beforeAll`);
    return { 'x-api-key': key };
  };

  beforeAll(async () => {
    gateway = await startGateway(GATEWAY_PORTS.rateLimit, {
      ...REGISTRY_DISCOVERY,
      RATE_LIMIT_POINTS: String(LIMIT),
      RATE_LIMIT_DURATION_S: '60',
    });
    for (const name of ['countdown', 'first', 'second', 'kv-probe', 'kv', 'kv-after']) {
      keys.set(name, (await createStackApiKey(REGISTRY_URL, gateway.url, `e2e-${name}`, [])).key);
    }
  });
  afterAll(async () => {
    await fetch(KV, { method: 'DELETE' });
    await gateway?.stop();
  });

  it('counts down in RateLimit headers, then answers 429 with Retry-After', async () => {
    const answers = await getSeries(times(LIMIT + 1, product()), withKey('countdown'));
    expect(answers.slice(0, LIMIT).map((a) => a.status)).toEqual(times(LIMIT, 200));
    expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual([
      '4',
      '3',
      '2',
      '1',
      '0',
      '0',
    ]);
    for (const answer of answers) {
      expect(answer.headers.get('ratelimit-limit')).toBe(String(LIMIT));
      expect(Number(answer.headers.get('ratelimit-reset'))).toBeGreaterThan(55);
      expect(Number(answer.headers.get('ratelimit-reset'))).toBeLessThanOrEqual(60);
    }
    expectRateLimited(answers[LIMIT]!, LIMIT);
  });

  it('gives each API key its own budget, and requests without one the budget of their IP', async () => {
    const first = await getSeries(times(LIMIT + 2, product()), withKey('first'));
    expect(statusCounts(first)).toEqual({ 200: LIMIT, 429: 2 });
    const second = await getSeries(times(LIMIT + 2, product()), withKey('second'));
    expect(statusCounts(second)).toEqual({ 200: LIMIT, 429: 2 });
    const byIp = await getSeries(times(LIMIT + 2, product()));
    expect(statusCounts(byIp)).toEqual({ 200: LIMIT, 429: 2 });
  });

  it('refuses a key nobody issued with 401: an unchecked header buys no budget of its own', async () => {
    for (const madeUp of ['not a key', `jk_0123456789ab_${'A'.repeat(43)}`]) {
      const answer = await get(product(), { 'x-api-key': madeUp });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(answer.body).toMatchObject({ reason: 'INVALID_CREDENTIAL' });
    }
  });

  it("applies a route's limit written to Consul KV without a restart, and the default once it is deleted", async () => {
    const list = `${gateway.url}/api/v1/products?pageSize=2`;
    const limitOf = async (key: string) =>
      (await get(list, withKey(key))).headers.get('ratelimit-limit');
    expect(await limitOf('kv-probe')).toBe(String(LIMIT));

    const put = await fetch(KV, {
      method: 'PUT',
      body: JSON.stringify({ routes: { 'GET /api/v1/products': { rateLimit: { points: 2 } } } }),
    });
    expect(put.status).toBe(200);
    await waitUntil(async () => (await limitOf('kv-probe')) === '2', {
      what: 'the KV limit in force',
    });
    const answers = await getSeries(times(3, list), withKey('kv'));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
    expectRateLimited(answers[2]!, 2);
    // Other routes keep the default.
    expect((await get(product(), withKey('kv'))).headers.get('ratelimit-limit')).toBe(
      String(LIMIT),
    );

    await fetch(KV, { method: 'DELETE' });
    await waitUntil(async () => (await limitOf('kv-after')) === String(LIMIT), {
      what: 'the default limit back',
    });
  });

  it('never limits the health and metrics endpoints, and counts refusals per route', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      const answers = await getSeries(times(LIMIT + 3, `${gateway.url}${path}`));
      expect(statusCounts(answers)).toEqual({ 200: LIMIT + 3 });
      expect(answers[0]!.headers.get('ratelimit-limit')).toBeNull();
    }
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(
      /junction_gateway_rate_limited_total\{route="GET \/api\/v1\/products\/:id",store="local"\} [1-9]/,
    );
  });
});
