import type { Identity } from './identity';

/**
 * Who may call a route, declared next to it: `public` routes take anyone
 * (a credential, when sent, must still be valid), the others a verified
 * identity holding every listed scope (none listed: any identity).
 */
export type RoutePolicy =
  | { readonly access: 'public' }
  | { readonly access: 'identified'; readonly scopes: readonly string[] };

export const PUBLIC: RoutePolicy = { access: 'public' };

export const requireScopes = (...scopes: string[]): RoutePolicy => ({
  access: 'identified',
  scopes,
});

/** The scopes the identity lacks for the policy (empty: allowed). */
export function missingScopes(policy: RoutePolicy, identity: Identity): string[] {
  if (policy.access === 'public') return [];
  return policy.scopes.filter((scope) => !identity.scopes.includes(scope));
}
