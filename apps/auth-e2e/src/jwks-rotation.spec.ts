import { waitUntil } from '@junction/testing';
import {
  GATEWAY_A,
  GATEWAY_B,
  issueToken,
  publishedKeys,
  rotateSigningKey,
} from './support/auth-endpoints';
import { plausibleClaims } from './support/forged-tokens';
import { bearer, call } from './support/gateway-requests';

const statusWith = async (gateway: string, token: string) =>
  (await call(gateway, '/api/v1/me', { headers: bearer(token) })).status;

describe('the identity provider rotating its signing key', () => {
  it('is followed by every replica: new tokens accepted, the retired key refused', async () => {
    const before = await issueToken(plausibleClaims('rotating'));
    for (const gateway of [GATEWAY_A, GATEWAY_B])
      expect(await statusWith(gateway, before)).toBe(200);

    const kid = await rotateSigningKey();
    expect((await publishedKeys()).map((key) => key.kid)).toEqual([kid]);
    const after = await issueToken(plausibleClaims('rotating'));
    for (const gateway of [GATEWAY_A, GATEWAY_B]) {
      // The unknown kid makes the gateway fetch the JWKS again (at most every AUTH_JWKS_COOLDOWN_MS).
      await waitUntil(async () => (await statusWith(gateway, after)) === 200, {
        what: `${gateway} to accept a token of the new key`,
        timeoutMs: 5000,
      });
      await waitUntil(async () => (await statusWith(gateway, before)) === 401, {
        what: `${gateway} to refuse a token of the retired key`,
        timeoutMs: 5000,
      });
    }
  });
});
