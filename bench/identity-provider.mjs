// A stand-in identity provider for the benchmarks: an ES256 and an RS256
// signing key, their public halves served as a JWKS over node:http, and
// tokens signed with either. Made with jose, as a real provider's would be.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from '../tools/scripts/workspace.mjs';

const require = createRequire(path.join(root, 'package.json'));
const { SignJWT, exportJWK, generateKeyPair } = require('jose');

const ISSUER = 'https://idp.bench.invalid/';
const AUDIENCE = 'junction-bench';
const ALGORITHMS = ['ES256', 'RS256'];

export async function startIdentityProvider(port) {
  const pairs = Object.fromEntries(
    await Promise.all(ALGORITHMS.map(async (alg) => [alg, await generateKeyPair(alg)])),
  );
  const jwks = JSON.stringify({
    keys: await Promise.all(
      ALGORITHMS.map(async (alg) => ({
        ...(await exportJWK(pairs[alg].publicKey)),
        kid: `bench-${alg.toLowerCase()}`,
        alg,
        use: 'sig',
      })),
    ),
  });
  const server = createServer((request, response) => {
    if (request.url !== '/jwks.json') return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
    issuer: ISSUER,
    audience: AUDIENCE,
    algorithms: ALGORITHMS,
    publicKey: (alg) => pairs[alg].publicKey,
    /** A token valid for an hour, with the orders scope; each subject makes another token. */
    token: (alg, subject = `bench-${alg.toLowerCase()}`) =>
      new SignJWT({ scope: 'orders' })
        .setProtectedHeader({ alg, kid: `bench-${alg.toLowerCase()}` })
        .setSubject(subject)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(pairs[alg].privateKey),
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
