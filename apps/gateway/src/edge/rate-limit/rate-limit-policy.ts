import type { RateLimitRuntime, RouteRateLimit } from '@junction/runtime-schemas';

/** How many requests one client may make to one route per window. */
export interface RateLimitPolicy {
  readonly points: number;
  readonly durationS: number;
}

/** The runtime configuration's answers the policy needs (GatewayRuntimeConfig has them). */
export interface RateLimitOverrides {
  rateLimit(): RateLimitRuntime;
  routeRateLimit(route: string): RouteRateLimit | undefined;
}

/**
 * A route's limit: its own from Consul KV, else every route's from KV, else
 * the environment's, field by field. `undefined` when KV says
 * `"rateLimit": false` for the route: it is not limited.
 */
export function rateLimitPolicyOf(
  route: string,
  defaults: RateLimitPolicy,
  overrides: RateLimitOverrides,
): RateLimitPolicy | undefined {
  const own = overrides.routeRateLimit(route);
  if (own === false) return undefined;
  const all = overrides.rateLimit();
  return {
    points: own?.points ?? all.points ?? defaults.points,
    durationS: own?.durationS ?? all.durationS ?? defaults.durationS,
  };
}
