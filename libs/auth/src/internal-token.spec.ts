import { SignJWT } from 'jose';
import type { Identity } from './identity';
import { InternalTokens, subjectHash } from './internal-token';

const SECRET = 'internal-secret-0123456789abcdef0123';
const alice: Identity = {
  subject: 'alice',
  scopes: ['orders'],
  kind: 'api-key',
  keyId: 'a1b2c3d4e5f6',
};

describe('InternalTokens', () => {
  it('proves to a service the identity the gateway verified', async () => {
    const tokens = new InternalTokens(SECRET);
    expect(await tokens.verify(await tokens.mint(alice))).toEqual(alice);
  });

  it('reuses one token per identity until it nears expiry, then mints another', async () => {
    let now = Date.UTC(2026, 11, 4);
    const tokens = new InternalTokens(SECRET, () => now);
    const first = await tokens.mint(alice);
    now += 30_000;
    expect(await tokens.mint(alice)).toBe(first);
    now += 40_000;
    expect(await tokens.mint(alice)).not.toBe(first);
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await new InternalTokens('another-secret-0123456789abcdef0123').mint(alice);
    expect(await new InternalTokens(SECRET).verify(forged)).toBeUndefined();
  });

  it('refuses an expired token, even one it verified before', async () => {
    let now = Date.UTC(2026, 11, 4);
    const tokens = new InternalTokens(SECRET, () => now);
    const token = await tokens.mint(alice);
    expect(await tokens.verify(token)).toEqual(alice);
    now += 121_000;
    expect(await tokens.verify(token)).toBeUndefined();
  });

  it('refuses a token of the right secret but not minted as an internal token', async () => {
    const other = await new SignJWT({ scp: ['orders'], knd: 'api-key' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuer('someone-else')
      .setAudience('junction-services')
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(SECRET));
    expect(await new InternalTokens(SECRET).verify(other)).toBeUndefined();
  });

  it('will not run on a short secret', () => {
    expect(() => new InternalTokens('short')).toThrow(/at least 32 characters/);
  });

  it('hashes subjects into a stable pseudonym that does not contain them', () => {
    expect(subjectHash('alice')).toBe(subjectHash('alice'));
    expect(subjectHash('alice')).not.toContain('alice');
    expect(subjectHash('alice')).not.toBe(subjectHash('bob'));
  });
});
