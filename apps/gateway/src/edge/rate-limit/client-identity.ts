import { principalOf, subjectHash, type Identity } from '@junction/auth';

/**
 * Whose budget a request spends: its verified identity's (an API key by its
 * public id, a token by a hash of its subject), or, for an anonymous
 * request, its client IP (the proxy's X-Forwarded-For only when TRUST_PROXY
 * trusts it). Only verified credentials count: a header nobody checked
 * cannot buy a fresh budget. The store never holds a secret or a name.
 */
export function rateLimitClientOf(identity: Identity | undefined, ip: string): string {
  if (!identity) return `ip:${ip}`;
  if (identity.kind === 'api-key' && identity.keyId) return `key:${identity.keyId}`;
  return `sub:${subjectHash(principalOf(identity))}`;
}
