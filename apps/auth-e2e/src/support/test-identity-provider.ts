import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ISSUER = 'https://idp.auth-e2e.test/';
export const AUDIENCE = 'junction-api';

interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly publicJwk: JWK;
}

export interface TestIdentityProvider {
  readonly jwksUrl: string;
  close(): Promise<void>;
}

async function newSigningKey(generation: number): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `auth-e2e-${generation}`;
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256' } };
}

const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as never) : {};
};

/**
 * An identity provider for the suite, as a process the test workers reach
 * over HTTP (global setup owns it): the JWKS the gateway verifies against,
 * a token endpoint that signs the claims asked for with the current key
 * (defaults: this issuer and audience, an hour to live), and a rotation
 * endpoint that replaces the key, the old one leaving the JWKS at once.
 */
export async function startTestIdentityProvider(port: number): Promise<TestIdentityProvider> {
  let generation = 1;
  let current = await newSigningKey(generation);
  const sign = async (claims: JWTPayload) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 3600, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: current.kid, typ: 'JWT' })
      .sign(current.privateKey);
  };
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const route = `${req.method} ${req.url}`;
    if (route === 'GET /jwks.json') {
      send(200, { keys: [current.publicJwk] });
    } else if (route === 'POST /token') {
      readJson(req)
        .then(async (claims) => send(200, { token: await sign(claims), kid: current.kid }))
        .catch((error: Error) => send(400, { error: error.message }));
    } else if (route === 'POST /rotate') {
      generation += 1;
      void newSigningKey(generation).then((next) => {
        current = next;
        send(200, { kid: next.kid });
      });
    } else {
      send(404, { error: 'not found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${bound}/jwks.json`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
