import type { Identity } from '@junction/auth';
import { rateLimitClientOf } from './client-identity';

const key = (keyId: string, subject = 'alice'): Identity => ({
  kind: 'api-key',
  subject,
  scopes: [],
  keyId,
});
const jwt = (subject: string): Identity => ({ kind: 'jwt', subject, scopes: [], keyId: 'kid-1' });

describe('rateLimitClientOf', () => {
  it('spends the IP budget of an anonymous request', () => {
    expect(rateLimitClientOf(undefined, '203.0.113.7')).toBe('ip:203.0.113.7');
  });

  it('spends an API key’s budget by its public id, from any IP', () => {
    expect(rateLimitClientOf(key('jk_a1'), '10.0.0.1')).toBe('key:jk_a1');
    expect(rateLimitClientOf(key('jk_a1'), '10.0.0.2')).toBe('key:jk_a1');
    expect(rateLimitClientOf(key('jk_b2'), '10.0.0.1')).not.toBe('key:jk_a1');
  });

  it('spends a token subject’s budget under a hash that never holds the name', () => {
    const client = rateLimitClientOf(jwt('alice@example.com'), '10.0.0.1');
    expect(client).toMatch(/^sub:[\w-]{16}$/);
    expect(client).not.toContain('alice');
    expect(rateLimitClientOf(jwt('bob@example.com'), '10.0.0.1')).not.toBe(client);
  });

  it('keeps an identity provider’s subject apart from an API key owner of the same name', () => {
    expect(rateLimitClientOf({ kind: 'jwt', subject: 'alice', scopes: [] }, '10.0.0.1')).not.toBe(
      rateLimitClientOf({ kind: 'api-key', subject: 'alice', scopes: [] }, '10.0.0.1'),
    );
  });
});
