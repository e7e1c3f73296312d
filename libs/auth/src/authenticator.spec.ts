import { createApiKey } from './api-key';
import { withRecord, withRevoked, type ApiKeySet } from './api-key-set';
import { Authenticator } from './authenticator';
import { presentedCredential } from './credential';
import { missingScopes, PUBLIC, requireScopes } from './route-policy';

describe('Authenticator', () => {
  const { key, record } = createApiKey('alice', ['orders']);
  let set: ApiKeySet = withRecord({ keys: {} }, record);
  const authenticator = new Authenticator({ apiKeys: () => set });
  const verify = (value: string) =>
    authenticator.verify(presentedCredential(`Bearer ${value}`, undefined));

  it('has nothing to say of a request without a credential', async () => {
    expect(await authenticator.verify({ kind: 'none' })).toBeUndefined();
  });

  it('verifies an API key against the records in force, and follows a revocation', async () => {
    expect(await verify(key)).toMatchObject({
      ok: true,
      identity: { subject: 'alice', keyId: record.id },
    });
    set = withRevoked(set, record.id) as ApiKeySet;
    expect(await verify(key)).toEqual({ ok: false, failure: 'revoked' });
  });

  it('refuses a JWT when no identity provider is configured', async () => {
    expect(await verify('eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln')).toEqual({
      ok: false,
      failure: 'malformed',
    });
  });
});

describe('route policy', () => {
  const identity = { subject: 'alice', scopes: ['orders'], kind: 'api-key' as const };

  it('lets anyone through a public route', () => {
    expect(missingScopes(PUBLIC, { ...identity, scopes: [] })).toEqual([]);
  });

  it('names the scopes an identity lacks', () => {
    expect(missingScopes(requireScopes('orders'), identity)).toEqual([]);
    expect(missingScopes(requireScopes('orders', 'admin'), identity)).toEqual(['admin']);
  });
});
