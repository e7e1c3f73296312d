import { apiKeyId, apiKeyRecordSchema, createApiKey, verifyApiKey } from './api-key';

describe('API keys', () => {
  it('verifies a new key against its record, naming its owner, scopes and id', () => {
    const { key, record } = createApiKey('team-shop', ['orders']);
    expect(key).toMatch(/^jk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(apiKeyId(key)).toBe(record.id);
    expect(verifyApiKey(key, record)).toEqual({
      ok: true,
      identity: { subject: 'team-shop', scopes: ['orders'], kind: 'api-key', keyId: record.id },
    });
  });

  it('stores only a hash: the record holds no part of the secret', () => {
    const { key, record } = createApiKey('team-shop', []);
    const secret = key.split('_').slice(2).join('_');
    expect(JSON.stringify(record)).not.toContain(secret);
    expect(apiKeyRecordSchema.parse(record)).toEqual(record);
  });

  it('issues a different id and secret every time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => createApiKey('o', []).key));
    expect(keys.size).toBe(50);
  });

  it('refuses a wrong secret under a known id', () => {
    const { key, record } = createApiKey('team-shop', ['orders']);
    const forged = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    expect(verifyApiKey(forged, record)).toEqual({ ok: false, failure: 'wrong-secret' });
  });

  it('refuses a revoked key, an unknown id and anything not shaped like a key', () => {
    const { key, record } = createApiKey('team-shop', ['orders']);
    const revoked = { ...record, revokedAt: new Date().toISOString() };
    expect(verifyApiKey(key, revoked)).toEqual({ ok: false, failure: 'revoked' });
    expect(verifyApiKey(key, undefined)).toEqual({ ok: false, failure: 'unknown-key' });
    expect(verifyApiKey(key, createApiKey('other', []).record)).toEqual({
      ok: false,
      failure: 'unknown-key',
    });
    for (const junk of ['', 'garbage', key.slice(0, -3), `${key}x`, 'jk__']) {
      expect(verifyApiKey(junk, record)).toEqual({ ok: false, failure: 'malformed' });
    }
  });
});
