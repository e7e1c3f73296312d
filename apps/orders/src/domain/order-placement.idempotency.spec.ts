import { ordersV1 } from '@junction/contracts';
import { failedPrecondition, Status } from '@junction/grpc-server';
import { statusErrorOf } from '@junction/grpc-server/testing';
import { deferred } from '../testing/order-fakes';
import {
  CLAIM_LEASE_MS,
  KEY_TTL_MS,
  OWNER,
  placementHarnessPerTest,
} from '../testing/placement-harness';
import { ownersKey } from './order-placement.use-case';
import { linesFingerprint } from './order-lines';

const lines = [
  { productId: '1', quantity: 2 },
  { productId: '3', quantity: 1 },
];

describe('OrderPlacement idempotency', () => {
  const h = placementHarnessPerTest();

  it('replays the first order for the same key and items, in any order', async () => {
    const first = await h.placement.place('k1', lines, OWNER);
    const again = await h.placement.place('k1', [...lines].reverse(), OWNER);
    expect(again).toEqual({ order: first.order, replayed: true });
    expect(h.stock.reserveCalls).toHaveLength(1);
    expect(h.priceList.calls).toHaveLength(1);
  });

  it('keeps each owner’s keys apart: the same key from two callers places two orders', async () => {
    const mine = await h.placement.place('k1', lines, OWNER);
    const theirs = await h.placement.place('k1', [{ productId: '4', quantity: 1 }], 'jwt:bob');
    expect(theirs.replayed).toBe(false);
    expect(theirs.order.id).not.toBe(mine.order.id);
    expect(await h.lifecycle.get(theirs.order.id, 'jwt:bob')).toEqual(theirs.order);
    expect((await statusErrorOf(h.lifecycle.get(theirs.order.id, OWNER))).code).toBe(
      Status.NOT_FOUND,
    );
  });

  it('replays the order as it is now, e.g. confirmed since', async () => {
    const first = await h.placement.place('k1', lines, OWNER);
    await h.lifecycle.confirm(first.order.id, OWNER);
    const again = await h.placement.place('k1', lines, OWNER);
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
    await h.placement.place('k1', lines, OWNER);
    expect(await statusErrorOf(h.placement.place('k1', other, OWNER))).toMatchObject({
      code: Status.INVALID_ARGUMENT,
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(h.stock.reserveCalls).toHaveLength(1);
  });

  it('answers IDEMPOTENCY_KEY_IN_FLIGHT to the same key while its first request runs', async () => {
    const gate = deferred();
    h.priceList.hold = gate.promise;
    const first = h.placement.place('k1', lines, OWNER);
    const others = [h.placement, h.otherInstance()].map((placement) =>
      statusErrorOf(placement.place('k1', lines, OWNER)),
    );
    const conflicting = statusErrorOf(
      h.placement.place('k1', [{ productId: '4', quantity: 1 }], OWNER),
    );
    for (const other of await Promise.all(others)) {
      expect(other).toMatchObject({ code: Status.ABORTED, reason: 'IDEMPOTENCY_KEY_IN_FLIGHT' });
    }
    expect((await conflicting).reason).toBe('IDEMPOTENCY_KEY_REUSED');
    gate.resolve();
    const created = await first;
    expect(created.replayed).toBe(false);
    expect(await h.placement.place('k1', lines, OWNER)).toEqual({
      order: created.order,
      replayed: true,
    });
    expect(h.stock.reserveCalls).toHaveLength(1);
  });

  it('replays an order created on another instance sharing the database', async () => {
    const first = await h.otherInstance().place('k1', lines, OWNER);
    expect(await h.placement.place('k1', lines, OWNER)).toEqual({
      order: first.order,
      replayed: true,
    });
    expect(h.stock.reserveCalls).toHaveLength(1);
  });

  it('takes over a claim whose creator died, under its order id, so the reservation replays', async () => {
    const dead = await h.keys.claim(ownersKey(OWNER, 'k1'), linesFingerprint(lines), () => '77');
    expect(dead).toEqual({ kind: 'claimed', orderId: '77', takenOver: false });
    expect((await statusErrorOf(h.placement.place('k1', lines, OWNER))).reason).toBe(
      'IDEMPOTENCY_KEY_IN_FLIGHT',
    );
    h.clock.advance(CLAIM_LEASE_MS + 1);
    const retry = await h.placement.place('k1', lines, OWNER);
    expect(retry).toMatchObject({ order: { id: '77' }, replayed: false });
    expect(h.stock.reserveCalls.map((call) => call.orderId)).toEqual(['77']);
    expect(await h.placement.place('k1', lines, OWNER)).toEqual({
      order: retry.order,
      replayed: true,
    });
  });

  it('replays, without reserving again, an order its dead creator stored before marking the key', async () => {
    await h.keys.claim(ownersKey(OWNER, 'k1'), linesFingerprint(lines), () => '78');
    const stored = (await h.otherInstance().place('k2', lines, OWNER)).order;
    await h.orders.save({ ...stored, id: '78' }, OWNER);
    h.stock.reserveCalls.length = 0;
    h.clock.advance(CLAIM_LEASE_MS + 1);
    expect(await h.placement.place('k1', lines, OWNER)).toEqual({
      order: { ...stored, id: '78' },
      replayed: true,
    });
    expect(h.stock.reserveCalls).toEqual([]);
  });

  it('forgets only keys whose binding has expired when pruned', async () => {
    await h.placement.place('k1', lines, OWNER);
    h.clock.advance(KEY_TTL_MS / 2);
    await h.placement.place('k2', lines, OWNER);
    expect(await h.keys.prune(100)).toBe(0);
    h.clock.advance(KEY_TTL_MS / 2);
    expect(await h.keys.prune(100)).toBe(1);
    expect((await h.placement.place('k2', lines, OWNER)).replayed).toBe(true);
  });

  it('lets a key create a new order once its binding has expired', async () => {
    const first = await h.placement.place('k1', lines, OWNER);
    h.clock.advance(KEY_TTL_MS);
    const later = await h.placement.place('k1', [{ productId: '4', quantity: 1 }], OWNER);
    expect(later.replayed).toBe(false);
    expect(later.order.id).not.toBe(first.order.id);
  });

  it('does not bind the key when a product is unknown: a retry runs again', async () => {
    const withNew = [...lines, { productId: '9', quantity: 1 }];
    expect((await statusErrorOf(h.placement.place('k1', withNew, OWNER))).code).toBe(
      Status.NOT_FOUND,
    );
    h.priceList.catalog.set('9', { unitPriceCents: 900, currency: 'EUR' });
    const retry = await h.placement.place('k1', withNew, OWNER);
    expect(retry.replayed).toBe(false);
    expect(h.stock.reserveCalls).toHaveLength(1);
  });

  it('does not bind the key when stock is short: a retry runs again', async () => {
    h.stock.failure = failedPrecondition('short', 'INSUFFICIENT_STOCK');
    expect((await statusErrorOf(h.placement.place('k1', lines, OWNER))).code).toBe(
      Status.FAILED_PRECONDITION,
    );
    h.stock.failure = undefined;
    expect((await h.placement.place('k1', lines, OWNER)).replayed).toBe(false);
  });

  it('frees the key when the creation fails, for a retry with any items', async () => {
    h.priceList.failure = new Error('catalog exploded');
    await expect(h.placement.place('k1', lines, OWNER)).rejects.toThrow(
      new Error('catalog exploded'),
    );
    h.priceList.failure = undefined;
    const other = [{ productId: '4', quantity: 1 }];
    expect((await h.placement.place('k1', other, OWNER)).replayed).toBe(false);
  });
});
