import { clientIdentityOf } from './client-identity';

describe('clientIdentityOf', () => {
  it('spends the IP budget when no API key is sent', () => {
    expect(clientIdentityOf(undefined, '203.0.113.7')).toEqual({ ok: true, key: 'ip:203.0.113.7' });
  });

  it('spends the API key budget, keyed by a hash that never holds the key itself', () => {
    const identity = clientIdentityOf('live_4f9a8b7c6d5e', '203.0.113.7');
    expect(identity).toMatchObject({ ok: true, key: expect.stringMatching(/^key:[\w-]{43}$/) });
    expect(JSON.stringify(identity)).not.toContain('live_4f9a8b7c6d5e');
    expect(JSON.stringify(identity)).not.toContain('203.0.113.7');
  });

  it('gives two keys two budgets, and one key the same budget from any IP', () => {
    const a = clientIdentityOf('key-aaaaaaaa', '10.0.0.1');
    expect(clientIdentityOf('key-bbbbbbbb', '10.0.0.1')).not.toEqual(a);
    expect(clientIdentityOf('key-aaaaaaaa', '10.0.0.2')).toEqual(a);
  });

  it.each([
    ['too short', 'short'],
    ['too long', 'k'.repeat(257)],
    ['with a space', 'key with space'],
    ['sent twice (joined by the HTTP parser)', 'key-aaaaaaaa, key-bbbbbbbb'],
    ['non-ASCII', 'clé-secrète-123'],
  ])('refuses a key %s', (_case, key) => {
    expect(clientIdentityOf(key, '10.0.0.1')).toMatchObject({ ok: false });
  });

  it('refuses a key sent as several header values', () => {
    expect(clientIdentityOf(['key-aaaaaaaa', 'key-bbbbbbbb'], '10.0.0.1')).toMatchObject({
      ok: false,
    });
  });
});
