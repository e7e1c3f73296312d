import { rateLimitPolicyOf, type RateLimitOverrides } from './rate-limit-policy';
import type { RateLimitRuntime, RouteRateLimit } from '@junction/runtime-schemas';

const ENV = { points: 600, durationS: 60 };
const ROUTE = 'GET /api/v1/products/:id';

const overrides = (
  all: RateLimitRuntime,
  routes: Record<string, RouteRateLimit> = {},
): RateLimitOverrides => ({
  rateLimit: () => all,
  routeRateLimit: (route) => routes[route],
});

describe('rateLimitPolicyOf', () => {
  it("uses the environment's limit when KV sets none", () => {
    expect(rateLimitPolicyOf(ROUTE, ENV, overrides({}))).toEqual(ENV);
  });

  it("prefers KV's limit of every route, field by field", () => {
    expect(rateLimitPolicyOf(ROUTE, ENV, overrides({ points: 50 }))).toEqual({
      points: 50,
      durationS: 60,
    });
  });

  it("prefers the route's own limit to every route's", () => {
    const kv = overrides({ points: 50, durationS: 10 }, { [ROUTE]: { points: 5 } });
    expect(rateLimitPolicyOf(ROUTE, ENV, kv)).toEqual({ points: 5, durationS: 10 });
    expect(rateLimitPolicyOf('GET /api/v1/products', ENV, kv)).toEqual({
      points: 50,
      durationS: 10,
    });
  });

  it('leaves a route switched off in KV unlimited', () => {
    expect(rateLimitPolicyOf(ROUTE, ENV, overrides({}, { [ROUTE]: false }))).toBeUndefined();
  });
});
