import { catalogV1, inventoryV1, ordersV1, reviewsV1 } from '@junction/contracts';
import { GrpcStatus } from '@junction/grpc-client';
import { Metadata } from '@grpc/grpc-js';
import { CALLER_METADATA_KEY, InternalTokens } from '@junction/auth';
import { grpcServing, stackCallerMetadata } from '@junction/testing';
import { grpcAddress } from './support/e2e-ports';
import { directClients, grpcError } from './support/grpc-clients';

const clients = directClients();
const catalog = clients.connect(catalogV1.CatalogServiceDefinition, grpcAddress('catalog'));
const inventory = clients.connect(inventoryV1.InventoryServiceDefinition, grpcAddress('inventory'));
const reviews = clients.connect(reviewsV1.ReviewsServiceDefinition, grpcAddress('reviews'));
const orders = clients.connect(ordersV1.OrdersServiceDefinition, grpcAddress('orders'));

/** Calls to orders claim a caller signed as the stack's gateway signs one. */
const asGateway = () =>
  stackCallerMetadata({ subject: 'grpc-e2e', scopes: ['orders'], kind: 'api-key' }).then(
    (metadata) => ({ metadata }),
  );

afterAll(() => clients.close());

describe('services over gRPC', () => {
  it.each(['catalog', 'inventory', 'reviews', 'orders'] as const)(
    '%s reports SERVING on grpc.health.v1',
    async (service) => {
      expect(await grpcServing(grpcAddress(service))).toBe(true);
    },
  );

  it('catalog batch-gets products and names the missing ids', async () => {
    const res = await catalog.batchGetProducts({ ids: ['1', '2', '5000'] });
    expect(res.products.map((p) => p.id)).toEqual(['1', '2']);
    expect(res.missingIds).toEqual(['5000']);
  });

  it('inventory reports available = on hand - reserved', async () => {
    const { levels } = await inventory.getStock({ productIds: ['30', '31'] });
    expect(levels.map((l) => l.productId)).toEqual(['30', '31']);
    for (const level of levels) expect(level.available).toBe(level.onHand - level.reserved);
  });

  it('reviews summarise a product with at most three top reviews', async () => {
    const summary = await reviews.getSummary({ productId: '7' });
    expect(summary.productId).toBe('7');
    expect(summary.topReviews.length).toBeLessThanOrEqual(3);
    expect(summary.topReviews.length).toBeLessThanOrEqual(summary.count);
  });

  it.each([
    ['catalog GetProduct with an empty id', () => catalog.getProduct({ id: '' })],
    ['catalog BatchGetProducts with no ids', () => catalog.batchGetProducts({ ids: [] })],
    ['inventory GetStock with a bad id', () => inventory.getStock({ productIds: ['x'] })],
    [
      'inventory Reserve with quantity 0',
      () => inventory.reserve({ orderId: 'e2e-q0', items: [{ productId: '1', quantity: 0 }] }),
    ],
    [
      'inventory Reserve with 51 items',
      () =>
        inventory.reserve({
          orderId: 'e2e-51',
          items: Array.from({ length: 51 }, (_, i) => ({ productId: String(i + 1), quantity: 1 })),
        }),
    ],
    ['reviews GetSummary with id 0', () => reviews.getSummary({ productId: '0' })],
    [
      'orders CreateOrder with no key',
      async () =>
        orders.createOrder(
          { idempotencyKey: '', items: [{ productId: '1', quantity: 1 }] },
          await asGateway(),
        ),
    ],
    [
      'orders CreateOrder with quantity 1001',
      async () =>
        orders.createOrder(
          { idempotencyKey: 'k', items: [{ productId: '1', quantity: 1001 }] },
          await asGateway(),
        ),
    ],
    [
      'orders GetOrder with a malformed id',
      async () => orders.getOrder({ id: 'x1' }, await asGateway()),
    ],
  ])('%s is INVALID_ARGUMENT with a message', async (_case, call) => {
    const error = await grpcError(call());
    expect(error.code).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(error.details.length).toBeGreaterThan(5);
  });

  it('orders refuses a call reaching it without a gateway-signed caller: UNAUTHENTICATED', async () => {
    const error = await grpcError(orders.getOrder({ id: '1' }));
    expect(error.code).toBe(GrpcStatus.UNAUTHENTICATED);
    expect(error.details).toMatch(/identity of its caller/);
  });

  it('every service refuses a caller token it cannot trust, before any handler runs', async () => {
    const forged = new Metadata();
    forged.set(
      CALLER_METADATA_KEY,
      await new InternalTokens('x'.repeat(40)).mint({
        subject: 'mallory',
        scopes: ['orders'],
        kind: 'api-key',
      }),
    );
    for (const call of [
      () => orders.getOrder({ id: '1' }, { metadata: forged }),
      () => catalog.getProduct({ id: '1' }, { metadata: forged }),
    ]) {
      const error = await grpcError(call());
      expect(error.code).toBe(GrpcStatus.UNAUTHENTICATED);
      expect(error.details).toMatch(/not signed by a trusted gateway/);
    }
  });

  it('inventory Reserve is all-or-nothing and idempotent per order id', async () => {
    const orderId = `e2e-${Date.now()}`;
    const [before] = (await inventory.getStock({ productIds: ['40'] })).levels;
    const request = { orderId, items: [{ productId: '40', quantity: 2 }] };
    await inventory.reserve(request);
    await inventory.reserve(request);
    const [after] = (await inventory.getStock({ productIds: ['40'] })).levels;
    expect(after.reserved).toBe(before.reserved + 2);
    expect((await inventory.release({ orderId })).released).toBe(true);
    expect((await inventory.release({ orderId })).released).toBe(false);
    const [released] = (await inventory.getStock({ productIds: ['40'] })).levels;
    expect(released.reserved).toBe(before.reserved);
  });
});
