import { ordersV1 } from '@junction/contracts';
import { failedPrecondition, Status } from '@junction/grpc-server';
import { statusErrorOf } from '@junction/grpc-server/testing';
import { deferred } from '../testing/order-fakes';
import { placementHarnessPerTest } from '../testing/placement-harness';

const lines = [
  { productId: '1', quantity: 2 },
  { productId: '3', quantity: 1 },
];

describe('OrderPlacement idempotency', () => {
  const h = placementHarnessPerTest();

  it('replays the first order for the same key and items, in any order', async () => {
    const first = await h.placement.place('k1', lines);
    const again = await h.placement.place('k1', [...lines].reverse());
    expect(again).toEqual({ order: first.order, replayed: true });
    expect(h.stock.reserveCalls).toHaveLength(1);
    expect(h.priceList.calls).toHaveLength(1);
  });

  it('replays the order as it is now, e.g. confirmed since', async () => {
    const first = await h.placement.place('k1', lines);
    await h.lifecycle.confirm(first.order.id);
    const again = await h.placement.place('k1', lines);
    expect(again.order.status).toBe(ordersV1.OrderStatus.ORDER_STATUS_CONFIRMED);
  });

  it.each([
    ['other products', [{ productId: '1', quantity: 2 }]],
    [
      'other quantities',
      [
        { productId: '1', quantity: 2 },
        { productId: '3', quantity: 9 },
      ],
    ],
  ])('refuses the same key with %s: INVALID_ARGUMENT IDEMPOTENCY_KEY_REUSED', async (_, other) => {
    await h.placement.place('k1', lines);
    expect(await statusErrorOf(h.placement.place('k1', other))).toMatchObject({
      code: Status.INVALID_ARGUMENT,
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(h.stock.reserveCalls).toHaveLength(1);
  });

  it('creates exactly one order for concurrent requests with one key', async () => {
    const gate = deferred();
    h.priceList.hold = gate.promise;
    const calls = [1, 2, 3].map(() => h.placement.place('k1', lines));
    const conflicting = statusErrorOf(h.placement.place('k1', [{ productId: '4', quantity: 1 }]));
    gate.resolve();
    const results = await Promise.all(calls);
    expect(new Set(results.map((r) => r.order.id)).size).toBe(1);
    expect(results.map((r) => r.replayed)).toEqual([false, true, true]);
    expect((await conflicting).reason).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(h.stock.reserveCalls).toHaveLength(1);
  });

  it('does not bind the key when a product is unknown: a retry runs again', async () => {
    const withNew = [...lines, { productId: '9', quantity: 1 }];
    expect((await statusErrorOf(h.placement.place('k1', withNew))).code).toBe(Status.NOT_FOUND);
    h.priceList.catalog.set('9', { unitPriceCents: 900, currency: 'EUR' });
    const retry = await h.placement.place('k1', withNew);
    expect(retry.replayed).toBe(false);
    expect(h.stock.reserveCalls).toHaveLength(1);
  });

  it('does not bind the key when stock is short: a retry runs again', async () => {
    h.stock.failure = failedPrecondition('short', 'INSUFFICIENT_STOCK');
    expect((await statusErrorOf(h.placement.place('k1', lines))).code).toBe(
      Status.FAILED_PRECONDITION,
    );
    h.stock.failure = undefined;
    expect((await h.placement.place('k1', lines)).replayed).toBe(false);
  });

  it('fails every concurrent caller of a failed creation, then lets the key be reused', async () => {
    const gate = deferred();
    h.priceList.hold = gate.promise;
    h.priceList.failure = new Error('catalog exploded');
    // Not a StatusError: every caller gets the creation's own error.
    const calls = [1, 2].map(() =>
      expect(h.placement.place('k1', lines)).rejects.toThrow(new Error('catalog exploded')),
    );
    gate.resolve();
    await Promise.all(calls);
    h.priceList.hold = undefined;
    h.priceList.failure = undefined;
    const other = [{ productId: '4', quantity: 1 }];
    expect((await h.placement.place('k1', other)).replayed).toBe(false);
  });
});
