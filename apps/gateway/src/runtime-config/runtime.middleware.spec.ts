import { Metadata } from '@grpc/grpc-js';
import { catalogV1 } from '@junction/contracts';
import { GrpcStatus, type UnaryCall } from '@junction/grpc-client';
import { GatewayRuntimeConfig } from './gateway-runtime';
import { gatewayRuntimeSchema } from '@junction/runtime-schemas';
import { forceDegraded } from './runtime.middleware';

const callTo = (upstream: string, deadline: number): UnaryCall => ({
  upstream,
  path: '/catalog.v1.CatalogService/GetProduct',
  method: catalogV1.CatalogServiceDefinition.methods.getProduct,
  request: { id: '1' },
  metadata: new Metadata(),
  deadline,
});

const runtimeWith = (json: unknown) =>
  new GatewayRuntimeConfig(
    { current: gatewayRuntimeSchema.parse(json), loaded: true, stop: async () => undefined },
    2000,
  );

describe('runtime middleware', () => {
  it('fails a switched-off upstream at once, without calling it', async () => {
    const next = jest.fn();
    const handler = forceDegraded(runtimeWith({ upstreams: { reviews: { forceDegraded: true } } }))(
      next,
    );
    await expect(handler(callTo('reviews', 5_000))).rejects.toMatchObject({
      code: GrpcStatus.UNAVAILABLE,
      publicDetail: 'reviews is switched off by configuration',
    });
    expect(next).not.toHaveBeenCalled();
  });

  it('lets other upstreams through', async () => {
    const handler = forceDegraded(runtimeWith({ upstreams: { reviews: { forceDegraded: true } } }))(
      async () => 'ok',
    );
    await expect(handler(callTo('catalog', 5_000))).resolves.toBe('ok');
  });
});

describe('gateway runtime schema', () => {
  it('gives route timeouts, else the default', () => {
    const runtime = runtimeWith({ routes: { 'GET /api/v1/products/:id': { timeoutMs: 800 } } });
    expect(runtime.routeTimeoutMs('GET /api/v1/products/:id')).toBe(800);
    expect(runtime.routeTimeoutMs('GET /api/v1/products')).toBe(2000);
  });

  it("gives an upstream's policy changes and the stale-copy age", () => {
    const runtime = runtimeWith({
      upstreams: { catalog: { breaker: { resetTimeoutMs: 1_000 }, retry: { maxAttempts: 1 } } },
      degradation: { catalogStaleMaxAgeMs: 5_000 },
    });
    expect(runtime.upstreamOverride('catalog')).toMatchObject({
      breaker: { resetTimeoutMs: 1_000 },
      retry: { maxAttempts: 1 },
    });
    expect(runtime.upstreamOverride('reviews')).toBeUndefined();
    expect(runtime.catalogStaleMaxAgeMs(300_000)).toBe(5_000);
    expect(runtimeWith({}).catalogStaleMaxAgeMs(300_000)).toBe(300_000);
  });

  it.each([
    [{ upstreams: { catalog: { breaker: { resetTimeout: 1 } } } }],
    [{ upstreams: { catalog: { retry: { maxAttempts: 0 } } } }],
    [{ degradation: { catalogStaleMaxAgeMs: -1 } }],
    [{ routes: { 'GET /x': { timeoutMs: 0 } } }],
    [{ routes: { 'products.get': { timeoutMs: 100 } } }],
    [{ upstreams: { reviews: { forceDegrade: true } } }],
    [{ route: {} }],
  ])('refuses %j', (json) => {
    expect(gatewayRuntimeSchema.safeParse(json).success).toBe(false);
  });
});
