import { Metadata } from '@grpc/grpc-js';
import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { catalogV1 } from '@junction/contracts';
import { GrpcStatus, type UnaryCall } from '@junction/grpc-client';
import { GatewayRuntimeConfig } from './gateway-runtime';
import { gatewayRuntimeSchema } from './gateway-runtime.schema';
import { withRouteDeadline } from './route-deadline';
import { forceDegraded, routeDeadline } from './runtime.middleware';

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
    { current: gatewayRuntimeSchema.parse(json), stop: async () => undefined },
    2000,
  );

describe('runtime middleware', () => {
  const manager = new AsyncLocalStorageContextManager().enable();
  beforeAll(() => context.setGlobalContextManager(manager));
  afterAll(() => context.disable());

  it('shortens a call to the request deadline', async () => {
    const seen: number[] = [];
    const handler = routeDeadline()(async (call) => void seen.push(call.deadline));
    await context.with(withRouteDeadline(context.active(), 1_000), () =>
      handler(callTo('catalog', 5_000)),
    );
    expect(seen).toEqual([1_000]);
  });

  it('keeps a call deadline that is already earlier', async () => {
    const seen: number[] = [];
    const handler = routeDeadline()(async (call) => void seen.push(call.deadline));
    await context.with(withRouteDeadline(context.active(), 9_000), () =>
      handler(callTo('catalog', 5_000)),
    );
    expect(seen).toEqual([5_000]);
  });

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

  it.each([
    [{ routes: { 'GET /x': { timeoutMs: 0 } } }],
    [{ routes: { 'products.get': { timeoutMs: 100 } } }],
    [{ upstreams: { reviews: { forceDegrade: true } } }],
    [{ route: {} }],
  ])('refuses %j', (json) => {
    expect(gatewayRuntimeSchema.safeParse(json).success).toBe(false);
  });
});
