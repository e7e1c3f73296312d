import { ApiKeyAdmin, consulKvStore, type NewApiKey } from '@junction/auth';
import { createStackApiKey, waitUntil } from '@junction/testing';
import { GATEWAY_A, issueToken, publishedKeys, REGISTRY_URL } from './support/auth-endpoints';
import {
  impostorToken,
  plausibleClaims,
  publicKeyHmacToken,
  unsignedToken,
} from './support/forged-tokens';
import {
  apiKeyHeader,
  bearer,
  call,
  placeOrder,
  type Credentials,
} from './support/gateway-requests';

const ORDER_ROUTES = [
  ['POST', '/api/v1/orders'],
  ['GET', '/api/v1/orders/1'],
  ['POST', '/api/v1/orders/1/confirm'],
  ['GET', '/api/v1/me'],
] as const;

describe('credentials at the gateway', () => {
  let orders: NewApiKey;
  let noScopes: NewApiKey;
  let revoked: NewApiKey;

  beforeAll(async () => {
    [orders, noScopes, revoked] = await Promise.all([
      createStackApiKey(REGISTRY_URL, GATEWAY_A, 'credentials-orders', ['orders']),
      createStackApiKey(REGISTRY_URL, GATEWAY_A, 'credentials-none', []),
      createStackApiKey(REGISTRY_URL, GATEWAY_A, 'credentials-revoked', ['orders']),
    ]);
    await new ApiKeyAdmin(consulKvStore(REGISTRY_URL)).revoke(revoked.record.id);
    await waitUntil(
      async () =>
        (await call(GATEWAY_A, '/api/v1/me', { headers: apiKeyHeader(revoked.key) })).status ===
        401,
      { what: 'the revocation at the gateway', timeoutMs: 5000 },
    );
  });

  it('keeps product reads open to anyone', async () => {
    // Not the product list: client-address.spec.ts counts this client's budget there.
    expect((await call(GATEWAY_A, '/api/v1/products/1')).status).toBe(200);
  });

  it.each(ORDER_ROUTES)(
    'asks for a credential on %s %s: 401 with WWW-Authenticate: Bearer',
    async (method, path) => {
      const answer = await call(GATEWAY_A, path, { method });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ status: 401, reason: 'CREDENTIAL_REQUIRED' });
      expect(answer.body.traceId).toBe(answer.headers.get('x-trace-id'));
    },
  );

  const invalid: [string, () => Promise<Credentials>][] = [
    ['a garbage bearer token', async () => bearer('garbage')],
    ['a garbage API key', async () => apiKeyHeader('garbage')],
    ['a truncated API key', async () => apiKeyHeader(orders.key.slice(0, -4))],
    ['a truncated API key as a bearer token', async () => bearer(orders.key.slice(0, -1))],
    ['a revoked API key', async () => apiKeyHeader(revoked.key)],
    ['a truncated JWT', async () => bearer((await issueToken(plausibleClaims('t'))).slice(0, -6))],
    [
      'an expired JWT',
      async () => bearer(await issueToken({ ...plausibleClaims('t'), exp: now() - 3600 })),
    ],
    [
      'a JWT not valid yet',
      async () => bearer(await issueToken({ ...plausibleClaims('t'), nbf: now() + 3600 })),
    ],
    [
      'a JWT for another audience',
      async () => bearer(await issueToken({ ...plausibleClaims('t'), aud: 'another-api' })),
    ],
    [
      'a JWT of another issuer',
      async () => bearer(await issueToken({ ...plausibleClaims('t'), iss: 'https://evil.test/' })),
    ],
    ['an alg:none JWT', async () => bearer(unsignedToken(plausibleClaims('t')))],
    [
      'an HS256 JWT forged with the public key',
      async () => bearer(publicKeyHmacToken(plausibleClaims('t'), (await publishedKeys())[0]!)),
    ],
    [
      'a JWT signed by a key not in the JWKS',
      async () =>
        bearer(await impostorToken(plausibleClaims('t'), (await publishedKeys())[0]!.kid!)),
    ],
  ];

  it.each(invalid)(
    'refuses %s with 401 invalid_token, saying nothing of why',
    async (_case, credentials) => {
      const answer = await placeOrder(GATEWAY_A, await credentials());
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      const { traceId, ...problem } = answer.body as unknown as Record<string, unknown>;
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(problem).toEqual({
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        detail: 'the credential is not valid',
        reason: 'INVALID_CREDENTIAL',
      });
    },
  );

  it('refuses a valid credential without the orders scope with 403, and still tells it who it is', async () => {
    for (const credentials of [
      apiKeyHeader(noScopes.key),
      bearer(await issueToken({ ...plausibleClaims('reader'), scope: 'profile' })),
    ]) {
      const answer = await placeOrder(GATEWAY_A, credentials);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ status: 403, reason: 'INSUFFICIENT_SCOPE' });
      expect((await call(GATEWAY_A, '/api/v1/me', { headers: credentials })).status).toBe(200);
    }
  });

  it('lets an API key (either header) or a JWT with the orders scope place orders', async () => {
    for (const credentials of [
      apiKeyHeader(orders.key),
      bearer(orders.key),
      bearer(await issueToken(plausibleClaims('jwt-buyer'))),
    ]) {
      expect((await placeOrder(GATEWAY_A, credentials)).status).toBe(201);
    }
  });

  it('tells a caller who its credential says it is, never the secret', async () => {
    const me = await call(GATEWAY_A, '/api/v1/me', { headers: apiKeyHeader(orders.key) });
    expect(me.body).toEqual({
      subject: 'credentials-orders',
      kind: 'api-key',
      scopes: ['orders'],
      keyId: orders.record.id,
    });
    const token = await issueToken({ ...plausibleClaims('jwt-user'), scope: 'orders profile' });
    expect((await call(GATEWAY_A, '/api/v1/me', { headers: bearer(token) })).body).toMatchObject({
      subject: 'jwt-user',
      kind: 'jwt',
      scopes: ['orders', 'profile'],
    });
  });
});

function now(): number {
  return Math.floor(Date.now() / 1000);
}
