import { gatewayRuntimeSchema } from './gateway-runtime.schema';

describe('edge policies in the runtime configuration', () => {
  it('takes a route with only a rate limit, and rate-limit and shedding sections', () => {
    const parsed = gatewayRuntimeSchema.parse({
      routes: {
        'GET /api/v1/products/:id': { rateLimit: { points: 5 } },
        'GET /x': { rateLimit: false },
      },
      rateLimit: { points: 100, durationS: 10 },
      shedding: { maxInFlight: 50, maxEventLoopLagMs: 200, retryAfterS: 2 },
    });
    expect(parsed.routes['GET /api/v1/products/:id']).toEqual({ rateLimit: { points: 5 } });
    expect(parsed.routes['GET /x']).toEqual({ rateLimit: false });
  });

  it('defaults both sections to empty (the environment decides)', () => {
    expect(gatewayRuntimeSchema.parse({})).toMatchObject({ rateLimit: {}, shedding: {} });
  });

  it.each([
    [{ routes: { 'GET /x': { rateLimit: { points: 0 } } } }],
    [{ routes: { 'GET /x': { rateLimit: true } } }],
    [{ rateLimit: { point: 5 } }],
    [{ rateLimit: { durationS: 1.5 } }],
    [{ shedding: { maxInFlight: 0 } }],
    [{ shedding: { lagMs: 100 } }],
  ])('refuses %j', (json) => {
    expect(gatewayRuntimeSchema.safeParse(json).success).toBe(false);
  });
});
