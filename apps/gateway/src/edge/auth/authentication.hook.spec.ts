import {
  createApiKey,
  PUBLIC,
  requireScopes,
  withRecord,
  withRevoked,
  Authenticator,
  type ApiKeySet,
  type CredentialFailure,
} from '@junction/auth';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { RouteRateLimiters } from '../rate-limit/route-rate-limiters';
import { registerAuthentication } from './authentication.hook';
import { EdgeAuthentication } from './edge-authentication';

const FAILURE_LIMIT = 3;

describe('authentication at the edge', () => {
  const orders = createApiKey('alice', ['orders']);
  const reader = createApiKey('bob', []);
  let keys: ApiKeySet = withRecord(withRecord({ keys: {} }, orders.record), reader.record);
  const refused: CredentialFailure[] = [];
  let edge: EdgeAuthentication;
  let app: FastifyInstance;

  beforeEach(async () => {
    refused.length = 0;
    edge = new EdgeAuthentication({
      authenticator: new Authenticator({ apiKeys: () => keys }),
      limiters: RouteRateLimiters.inMemory(),
      failureLimit: FAILURE_LIMIT,
      onRefused: (failure) => refused.push(failure),
    });
    app = Fastify();
    registerAuthentication(app, edge);
    const whoami = async (request: FastifyRequest) => ({
      subject: edge.identityOf(request)?.subject ?? null,
    });
    app.get('/api/v1/products', { config: { access: PUBLIC } }, whoami);
    app.post('/api/v1/orders', { config: { access: requireScopes('orders') } }, whoami);
    app.get('/api/v1/undeclared', whoami);
    app.get('/healthz', whoami);
    app.get('/docs/json', whoami);
    await app.ready();
  });
  afterEach(() => app.close());

  const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}) =>
    app.inject({ method, url, headers, remoteAddress: '198.51.100.9' });

  it('opens public routes to anonymous callers', async () => {
    const res = await call('GET', '/api/v1/products');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ subject: null });
  });

  it('knows the caller of a public route who sends a valid key', async () => {
    const res = await call('GET', '/api/v1/products', { 'x-api-key': orders.key });
    expect(res.json()).toEqual({ subject: 'alice' });
  });

  it('asks for a credential on a protected route, with WWW-Authenticate: Bearer', async () => {
    const res = await call('POST', '/api/v1/orders');
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 401, reason: 'CREDENTIAL_REQUIRED' });
  });

  it('treats an undeclared API route as protected, and leaves the gateway’s own routes open', async () => {
    expect((await call('GET', '/api/v1/undeclared')).statusCode).toBe(401);
    expect((await call('GET', '/healthz')).statusCode).toBe(200);
    expect((await call('GET', '/docs/json')).statusCode).toBe(200);
  });

  it('lets a key with the scope through, by either header', async () => {
    expect(
      (await call('POST', '/api/v1/orders', { authorization: `Bearer ${orders.key}` })).json(),
    ).toEqual({
      subject: 'alice',
    });
    expect((await call('POST', '/api/v1/orders', { 'x-api-key': orders.key })).statusCode).toBe(
      200,
    );
  });

  it('answers a valid key without the scope 403', async () => {
    const res = await call('POST', '/api/v1/orders', { 'x-api-key': reader.key });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ reason: 'INSUFFICIENT_SCOPE' });
  });

  it.each([
    ['garbage', 'not-a-key-at-all'],
    ['truncated', orders.key.slice(0, -1)],
    ['wrong secret', `${orders.key.slice(0, -4)}AAAA`],
    ['unknown id', `jk_ffffffffffff_${'a'.repeat(43)}`],
  ])(
    'refuses a %s key alike: 401 invalid_token, the reason only in metrics',
    async (_case, key) => {
      for (const route of ['/api/v1/products', '/api/v1/orders']) {
        const res = await call(route.endsWith('orders') ? 'POST' : 'GET', route, {
          authorization: `Bearer ${key}`,
        });
        expect(res.statusCode).toBe(401);
        expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
        expect(res.json()).toMatchObject({
          detail: 'the credential is not valid',
          reason: 'INVALID_CREDENTIAL',
        });
      }
      expect(refused).toHaveLength(2);
    },
  );

  it('stops a revoked key as soon as the record says so', async () => {
    const before = await call('POST', '/api/v1/orders', { 'x-api-key': orders.key });
    expect(before.statusCode).toBe(200);
    const kept = keys;
    keys = withRevoked(keys, orders.record.id) as ApiKeySet;
    try {
      expect((await call('POST', '/api/v1/orders', { 'x-api-key': orders.key })).statusCode).toBe(
        401,
      );
      expect(refused).toEqual(['revoked']);
    } finally {
      keys = kept;
    }
  });

  it('limits refused credentials per client: 429 with Retry-After past the limit', async () => {
    const bad = { authorization: `Bearer jk_ffffffffffff_${'b'.repeat(43)}` };
    const statuses = [];
    for (let i = 0; i <= FAILURE_LIMIT; i += 1)
      statuses.push((await call('GET', '/api/v1/products', bad)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await call('GET', '/api/v1/products', bad);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await call('GET', '/api/v1/products', { 'x-api-key': orders.key })).statusCode).toBe(
      200,
    );
  });
});
