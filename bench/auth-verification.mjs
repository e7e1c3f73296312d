// What verifying a credential costs, in-process: the gateway's Authenticator
// on an API key and on bearer JWTs (ES256, RS256; the JWKS served over HTTP
// by a stand-in identity provider), and the internal caller token the
// gateway mints and every service checks. Each against the bare primitive it
// rests on (node:crypto's SHA-256 + timingSafeEqual, jose's jwtVerify with
// the key in hand), measured in the same run. CPU µs per operation from
// process.cpuUsage(). A benchmark, not a test.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from '../tools/scripts/workspace.mjs';
import { startIdentityProvider } from './identity-provider.mjs';

const require = createRequire(path.join(root, 'package.json'));
const {
  Authenticator,
  InternalTokens,
  JwtVerifier,
  createApiKey,
  jwtSettingsSchema,
  presentedCredential,
} = require('@junction/auth');
const { jwtVerify } = require('jose');

const FAST_OPS = 200_000;
const SIGNATURE_OPS = 10_000;
/** A deployment with many keys: the lookup is by id, so the set's size should not matter. */
const KEYS_IN_SET = 1_000;
const IDP_PORT = 28532;
const SECRET = 'bench-only-internal-token-secret-0123456789';

/** CPU µs per call of `op(i)` (awaited in sequence; i never repeats), after a warm-up of a tenth as many. */
async function cpuMicros(ops, op) {
  const warmup = ops / 10;
  for (let i = 0; i < warmup; i++) await op(i);
  const start = process.cpuUsage();
  for (let i = warmup; i < warmup + ops; i++) await op(i);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / ops;
}

async function expectOk(verification, what) {
  const result = await verification;
  if (!result?.ok) throw new Error(`${what} did not verify: ${JSON.stringify(result)}`);
}

export async function measureVerification() {
  const idp = await startIdentityProvider(IDP_PORT);
  try {
    const records = Array.from({ length: KEYS_IN_SET }, (_, i) =>
      createApiKey(`owner-${i}`, ['orders']),
    );
    const keys = Object.fromEntries(records.map(({ record }) => [record.id, record]));
    const { key, record } = records[KEYS_IN_SET >> 1];
    const jwt = new JwtVerifier(
      jwtSettingsSchema.parse({ jwksUrl: idp.jwksUrl, issuer: idp.issuer, audience: idp.audience }),
      { timeoutMs: 2_000, maxAgeMs: 600_000, cooldownMs: 30_000 },
    );
    const authenticator = new Authenticator({ apiKeys: () => ({ keys }), jwt });
    const es256 = await idp.token('ES256');
    const rs256 = await idp.token('RS256');
    await expectOk(authenticator.verify(presentedCredential(undefined, key)), 'the API key');
    await expectOk(authenticator.verify(presentedCredential(`Bearer ${es256}`)), 'the ES256 JWT');
    await expectOk(authenticator.verify(presentedCredential(`Bearer ${rs256}`)), 'the RS256 JWT');

    const secretPart = Buffer.from(record.hash, 'hex');
    const presentedSecret = key.slice(-43);
    const verifyOptions = { issuer: idp.issuer, audience: idp.audience };
    const tokens = new InternalTokens(SECRET);
    const identity = { subject: 'bench', scopes: ['orders'], kind: 'api-key', keyId: record.id };
    const internal = await tokens.mint(identity);
    const fresh = new InternalTokens(SECRET);
    const distinct = await Promise.all(
      Array.from({ length: SIGNATURE_OPS * 1.1 }, (_, i) =>
        fresh.mint({ ...identity, subject: `bench-${i}` }),
      ),
    );
    const service = new InternalTokens(SECRET);
    // Tokens the verifier has not seen (one per operation, warm-up included): the signature is checked.
    const unseen = (alg) =>
      Promise.all(
        Array.from({ length: SIGNATURE_OPS * 1.1 }, (_, i) => idp.token(alg, `user-${i}`)),
      );
    const jwtCosts = async (alg, token) => {
      const tokensOf = await unseen(alg);
      return {
        first: await cpuMicros(SIGNATURE_OPS, (i) =>
          authenticator.verify(presentedCredential(`Bearer ${tokensOf[i]}`)),
        ),
        again: await cpuMicros(FAST_OPS, () =>
          authenticator.verify(presentedCredential(`Bearer ${token}`)),
        ),
        bare: await cpuMicros(SIGNATURE_OPS, () =>
          jwtVerify(token, idp.publicKey(alg), verifyOptions),
        ),
      };
    };

    return {
      keysInSet: KEYS_IN_SET,
      apiKey: {
        junction: await cpuMicros(FAST_OPS, () =>
          authenticator.verify(presentedCredential(`Bearer ${key}`)),
        ),
        bare: await cpuMicros(FAST_OPS, () =>
          timingSafeEqual(createHash('sha256').update(presentedSecret).digest(), secretPart),
        ),
      },
      es256: await jwtCosts('ES256', es256),
      rs256: await jwtCosts('RS256', rs256),
      internal: {
        mintCached: await cpuMicros(FAST_OPS, () => tokens.mint(identity)),
        verifyCached: await cpuMicros(FAST_OPS, () => tokens.verify(internal)),
        // Each token once: what a service pays the first time it sees a caller.
        verifyFirst: await cpuMicros(SIGNATURE_OPS, (i) => service.verify(distinct[i])),
      },
    };
  } finally {
    await idp.stop();
  }
}
