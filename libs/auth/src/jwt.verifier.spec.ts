import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { createHmac } from 'node:crypto';
import { JwtVerifier } from './jwt.verifier';

const ISSUER = 'https://id.example.test/';
const AUDIENCE = 'junction-api';

interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly jwk: Record<string, unknown>;
  readonly spki: string;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return {
    kid,
    privateKey,
    jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
    spki: await exportSPKI(publicKey),
  };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nowSec = () => Math.floor(Date.now() / 1000);

/** A JWKS endpoint the test controls: which keys it serves, and whether it answers at all. */
async function identityProvider() {
  const state = { keys: [] as SigningKey[], hang: false, fetches: 0 };
  const server: Server = createServer((req, res) => {
    state.fetches += 1;
    if (state.hang) return; // never answers: the verifier's timeout must end the wait
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: state.keys.map((key) => key.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    state,
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('JwtVerifier', () => {
  let idp: Awaited<ReturnType<typeof identityProvider>>;
  let current: SigningKey;
  let verifier: JwtVerifier;
  let clock: number;

  const token = (claims: Record<string, unknown> = {}, key = current, alg = 'RS256') =>
    new SignJWT({
      scope: 'orders profile',
      sub: 'user-7',
      iss: ISSUER,
      aud: AUDIENCE,
      iat: nowSec(),
      exp: nowSec() + 300,
      ...claims,
    })
      .setProtectedHeader({ alg, kid: key.kid })
      .sign(key.privateKey);

  /** The provider's verifier, on the test's clock, keeping a key set for maxAgeMs. */
  const verifierWith = (maxAgeMs: number) =>
    new JwtVerifier(
      {
        jwksUrl: idp.url,
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['RS256'],
        clockToleranceSec: 30,
      },
      { timeoutMs: 300, maxAgeMs, cooldownMs: 0, now: () => clock },
    );

  beforeEach(async () => {
    idp = await identityProvider();
    current = await signingKey('k1');
    idp.state.keys = [current];
    clock = Date.now();
    verifier = verifierWith(60_000);
  });
  afterEach(() => idp.close());

  it('accepts a token of the provider, with its subject, scopes and key id', async () => {
    expect(await verifier.verify(await token())).toEqual({
      ok: true,
      identity: { subject: 'user-7', scopes: ['orders', 'profile'], kind: 'jwt', keyId: 'k1' },
    });
  });

  it.each([
    ['an expired token', { exp: nowSec() - 120 }, 'expired'],
    ['a token not valid yet', { nbf: nowSec() + 600 }, 'not-yet-valid'],
    ['another issuer', { iss: 'https://evil.test/' }, 'wrong-issuer'],
    ['another audience', { aud: 'someone-else' }, 'wrong-audience'],
  ])('refuses %s', async (_, claims, failure) => {
    expect(await verifier.verify(await token(claims))).toEqual({ ok: false, failure });
  });

  it('allows the configured clock skew', async () => {
    expect((await verifier.verify(await token({ exp: nowSec() - 10 }))).ok).toBe(true);
  });

  it('refuses alg none and an HS256 token keyed with the public key, before any key lookup', async () => {
    const payload = { sub: 'admin', iss: ISSUER, aud: AUDIENCE, exp: nowSec() + 300 };
    const unsigned = `${b64({ alg: 'none', kid: 'k1' })}.${b64(payload)}.`;
    const head = `${b64({ alg: 'HS256', kid: 'k1' })}.${b64(payload)}`;
    const forged = `${head}.${createHmac('sha256', current.spki).update(head).digest('base64url')}`;
    const fetchesBefore = idp.state.fetches;
    expect(await verifier.verify(unsigned)).toEqual({
      ok: false,
      failure: 'algorithm-not-allowed',
    });
    expect(await verifier.verify(forged)).toEqual({ ok: false, failure: 'algorithm-not-allowed' });
    expect(idp.state.fetches).toBe(fetchesBefore);
  });

  it('refuses garbage, a truncated token and a token signed by a key the provider never published', async () => {
    const good = await token();
    expect(await verifier.verify('garbage')).toEqual({ ok: false, failure: 'malformed' });
    expect((await verifier.verify(good.slice(0, -5))).ok).toBe(false);
    const stranger = await signingKey('k1');
    expect(await verifier.verify(await token({}, stranger))).toEqual({
      ok: false,
      failure: 'bad-signature',
    });
  });

  it('follows a key rotation: a token under a new kid fetches the keys again', async () => {
    expect((await verifier.verify(await token())).ok).toBe(true);
    const next = await signingKey('k2');
    idp.state.keys = [next];
    expect(await verifier.verify(await token({}, next))).toMatchObject({
      ok: true,
      identity: { keyId: 'k2' },
    });
  });

  it('answers a token it accepted from memory, without the key set or its signature', async () => {
    // Key sets age out after 10 s here: a verification that consulted them would fetch again.
    verifier = verifierWith(10_000);
    const accepted = await token();
    expect((await verifier.verify(accepted)).ok).toBe(true);
    const fetches = idp.state.fetches;
    idp.state.keys = [];
    clock += 30_000;
    expect(await verifier.verify(accepted)).toMatchObject({ ok: true, identity: { keyId: 'k1' } });
    expect(idp.state.fetches).toBe(fetches);
  });

  it('stops accepting a remembered token once it expires', async () => {
    const shortLived = await token({ exp: nowSec() + 20 });
    expect((await verifier.verify(shortLived)).ok).toBe(true);
    clock += 55_000; // past exp and the 30 s skew, within the 60 s a token is remembered
    expect(await verifier.verify(shortLived)).toEqual({ ok: false, failure: 'expired' });
  });

  it('stops accepting a remembered token within a minute of its key leaving the provider', async () => {
    const accepted = await token();
    expect((await verifier.verify(accepted)).ok).toBe(true);
    idp.state.keys = [await signingKey('k2')];
    clock += 61_000;
    expect(await verifier.verify(accepted)).toEqual({ ok: false, failure: 'bad-signature' });
  });

  it('serves from its cache while the provider is down, past the cache age', async () => {
    expect((await verifier.verify(await token())).ok).toBe(true);
    await idp.close();
    clock += 120_000;
    expect((await verifier.verify(await token())).ok).toBe(true);
  });

  it('gives up on a provider that does not answer within the timeout', async () => {
    idp.state.hang = true;
    const startedAt = Date.now();
    expect(await verifier.verify(await token())).toEqual({
      ok: false,
      failure: 'keys-unavailable',
    });
    expect(Date.now() - startedAt).toBeLessThan(2000);
  });
});
