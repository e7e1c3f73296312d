import { ordersV1 } from '@junction/contracts';
import { failedPrecondition, Status, unavailable } from '@junction/grpc-server';
import { statusErrorOf } from '@junction/grpc-server/testing';
import { MACHINE_ID, OWNER, placementHarnessPerTest } from '../testing/placement-harness';
import { decodeOrderId } from './order-id.generator';

const lines = [
  { productId: '2', quantity: 3 },
  { productId: '5', quantity: 1 },
];

describe('OrderPlacement', () => {
  const h = placementHarnessPerTest();

  it('creates a PENDING order priced from the catalog', async () => {
    const { order, replayed } = await h.placement.place('k1', lines, OWNER);
    expect(replayed).toBe(false);
    expect(order).toEqual({
      id: expect.stringMatching(/^\d+$/),
      status: ordersV1.OrderStatus.ORDER_STATUS_PENDING,
      items: [
        { productId: '2', quantity: 3, unitPriceCents: 200 },
        { productId: '5', quantity: 1, unitPriceCents: 500 },
      ],
      totalCents: 1100,
      currency: 'EUR',
      createTimeUnixMs: h.clock.now(),
    });
    expect(decodeOrderId(order.id).machineId).toBe(MACHINE_ID);
    expect(await h.orders.byId(order.id)).toEqual(order);
  });

  it('reserves the lines in inventory under the order id', async () => {
    const { order } = await h.placement.place('k1', lines, OWNER);
    expect(h.stock.reserveCalls).toEqual([{ orderId: order.id, lines }]);
  });

  it('gives different keys different, increasing order ids', async () => {
    const a = await h.placement.place('k1', lines, OWNER);
    const b = await h.placement.place('k2', lines, OWNER);
    expect(BigInt(b.order.id)).toBeGreaterThan(BigInt(a.order.id));
  });

  it('answers NOT_FOUND naming unknown products, and reserves nothing', async () => {
    const failure = await statusErrorOf(
      h.placement.place(
        'k1',
        [...lines, { productId: '77', quantity: 1 }, { productId: '88', quantity: 1 }],
        OWNER,
      ),
    );
    expect(failure).toMatchObject({
      code: Status.NOT_FOUND,
      reason: 'PRODUCT_NOT_FOUND',
      message: 'products not found: 77, 88',
    });
    expect(h.stock.reserveCalls).toEqual([]);
  });

  it('passes short stock on as FAILED_PRECONDITION with inventory’s reason and message', async () => {
    h.stock.failure = failedPrecondition(
      'product 2: 1 available, 3 requested',
      'INSUFFICIENT_STOCK',
    );
    expect(await statusErrorOf(h.placement.place('k1', lines, OWNER))).toMatchObject({
      code: Status.FAILED_PRECONDITION,
      reason: 'INSUFFICIENT_STOCK',
      message: 'product 2: 1 available, 3 requested',
    });
    expect(h.stock.held.size).toBe(0);
    expect(h.stock.releaseCalls).toEqual([]);
  });

  it('answers UNAVAILABLE when the catalog is down, and reserves nothing', async () => {
    h.priceList.failure = unavailable('catalog unavailable', 'UPSTREAM_UNAVAILABLE');
    expect(await statusErrorOf(h.placement.place('k1', lines, OWNER))).toMatchObject({
      code: Status.UNAVAILABLE,
      reason: 'UPSTREAM_UNAVAILABLE',
    });
    expect(h.stock.reserveCalls).toEqual([]);
  });

  it('answers UNAVAILABLE when inventory is down, storing nothing', async () => {
    h.stock.failure = unavailable('inventory unavailable', 'UPSTREAM_UNAVAILABLE');
    expect(await statusErrorOf(h.placement.place('k1', lines, OWNER))).toMatchObject({
      code: Status.UNAVAILABLE,
      reason: 'UPSTREAM_UNAVAILABLE',
      message: 'inventory unavailable',
    });
    expect(await h.orders.byId(h.stock.reserveCalls[0].orderId)).toBeUndefined();
  });

  it('releases the reservation when the order cannot be stored', async () => {
    jest.spyOn(h.orders, 'save').mockRejectedValueOnce(new Error('disk full'));
    await expect(h.placement.place('k1', lines, OWNER)).rejects.toThrow('disk full');
    expect(h.stock.releaseCalls).toEqual([h.stock.reserveCalls[0].orderId]);
    expect(h.stock.held.size).toBe(0);
  });

  it('refuses items priced in different currencies, reserving nothing', async () => {
    h.priceList.catalog.set('5', { unitPriceCents: 500, currency: 'USD' });
    expect(await statusErrorOf(h.placement.place('k1', lines, OWNER))).toMatchObject({
      code: Status.FAILED_PRECONDITION,
      reason: 'MIXED_CURRENCIES',
    });
    expect(h.stock.reserveCalls).toEqual([]);
  });

  it('refuses a total that would not be exact as an int64 in JavaScript', async () => {
    h.priceList.catalog.set('2', { unitPriceCents: Number.MAX_SAFE_INTEGER, currency: 'EUR' });
    expect((await statusErrorOf(h.placement.place('k1', lines, OWNER))).reason).toBe(
      'TOTAL_OUT_OF_RANGE',
    );
    expect(h.stock.reserveCalls).toEqual([]);
  });
});
