import { createStackApiKey, deleteKv, putKv, waitUntil } from '@junction/testing';
import { GATEWAY_A, GATEWAY_PROXIED, REGISTRY_URL } from './support/auth-endpoints';
import { apiKeyHeader, call, type Credentials } from './support/gateway-requests';

const LIST = '/api/v1/products?pageSize=1';
const LIMIT = 3;
const RUNTIME_KEY = 'junction/config/gateway';
const from = (address: string): Credentials => ({ 'x-forwarded-for': address });

const statuses = async (gateway: string, headers: Credentials[]) => {
  const seen: number[] = [];
  for (const h of headers) seen.push((await call(gateway, LIST, { headers: h })).status);
  return seen;
};

describe('the client address behind rate limits', () => {
  beforeAll(async () => {
    await putKv(REGISTRY_URL, RUNTIME_KEY, {
      routes: { 'GET /api/v1/products': { rateLimit: { points: LIMIT } } },
    });
    // Watched with a key of its own, so no anonymous budget is spent waiting.
    const watcher = apiKeyHeader(
      (await createStackApiKey(REGISTRY_URL, GATEWAY_A, 'watcher', [])).key,
    );
    for (const gateway of [GATEWAY_A, GATEWAY_PROXIED]) {
      await waitUntil(
        async () =>
          (await call(gateway, LIST, { headers: watcher })).headers.get('ratelimit-limit') ===
          String(LIMIT),
        { what: `the route limit at ${gateway}`, timeoutMs: 5000 },
      );
    }
  });
  afterAll(() => deleteKv(REGISTRY_URL, RUNTIME_KEY));

  it('is the peer address when no proxy is trusted: a spoofed X-Forwarded-For buys no fresh budget', async () => {
    const spoofed = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5'];
    expect(await statuses(GATEWAY_A, spoofed.map(from))).toEqual([200, 200, 200, 429, 429]);
  });

  it('is the forwarded address behind a trusted proxy (TRUST_PROXY), each client its own budget', async () => {
    const clients = ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4'];
    expect(await statuses(GATEWAY_PROXIED, clients.map(from))).toEqual([200, 200, 200, 200]);
    const one = Array.from({ length: LIMIT + 1 }, () => from('198.51.100.9'));
    expect(await statuses(GATEWAY_PROXIED, one)).toEqual([200, 200, 200, 429]);
  });

  it('limits repeated refused credentials per client, then answers 429 before checking another', async () => {
    const guesser = { ...from('192.0.2.66'), 'x-api-key': 'guessing' };
    const answers = [];
    for (let i = 0; i < 4; i += 1)
      answers.push(await call(GATEWAY_PROXIED, '/api/v1/me', { headers: guesser }));
    // AUTH_FAILURE_LIMIT=3 on this gateway.
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 429]);
    expect(answers[3]!.body).toMatchObject({ reason: 'AUTH_FAILURES_LIMITED' });
    expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client is not held to the guesser's refusals.
    const other = { ...from('192.0.2.67'), 'x-api-key': 'guessing' };
    expect((await call(GATEWAY_PROXIED, '/api/v1/me', { headers: other })).status).toBe(401);
  });
});
