import { ordersV1 } from '@junction/contracts';
import { Status } from '@junction/grpc-server';
import { statusErrorOf } from '@junction/grpc-server/testing';
import { SqlOrderRepository } from '../data/sql-order.repository';
import { ordersDatabasePerTest } from '../testing/orders-database.fixture';
import { OWNER } from '../testing/placement-harness';
import { OrderLifecycle } from './order-lifecycle.use-case';

const pending: ordersV1.Order = {
  id: '123456789',
  status: ordersV1.OrderStatus.ORDER_STATUS_PENDING,
  items: [{ productId: '1', quantity: 2, unitPriceCents: 250 }],
  totalCents: 500,
  currency: 'EUR',
  createTimeUnixMs: 1_790_000_000_000,
};

describe('OrderLifecycle', () => {
  const fixture = ordersDatabasePerTest();
  let orders: SqlOrderRepository;
  let lifecycle: OrderLifecycle;
  beforeEach(async () => {
    orders = new SqlOrderRepository(fixture.db);
    await orders.save(pending, OWNER);
    lifecycle = new OrderLifecycle(orders);
  });

  it('gets a stored order', async () => {
    expect(await lifecycle.get(pending.id, OWNER)).toEqual(pending);
  });

  it.each(['get', 'confirm'] as const)(
    '%s: answers NOT_FOUND ORDER_NOT_FOUND for an unknown id',
    async (method) => {
      expect(await statusErrorOf(lifecycle[method]('42', OWNER))).toMatchObject({
        code: Status.NOT_FOUND,
        reason: 'ORDER_NOT_FOUND',
        message: 'order 42 not found',
      });
    },
  );

  it.each(['get', 'confirm'] as const)(
    '%s: answers another owner NOT_FOUND, exactly as for a missing order, and changes nothing',
    async (method) => {
      expect(await statusErrorOf(lifecycle[method](pending.id, 'api-key:mallory'))).toMatchObject({
        code: Status.NOT_FOUND,
        reason: 'ORDER_NOT_FOUND',
        message: `order ${pending.id} not found`,
      });
      // The same subject through another kind of credential is someone else too.
      expect((await statusErrorOf(lifecycle[method](pending.id, 'jwt:alice'))).code).toBe(
        Status.NOT_FOUND,
      );
      expect(await lifecycle.get(pending.id, OWNER)).toEqual(pending);
    },
  );

  it('confirms a PENDING order and keeps it confirmed', async () => {
    const confirmed = await lifecycle.confirm(pending.id, OWNER);
    expect(confirmed).toEqual({ ...pending, status: ordersV1.OrderStatus.ORDER_STATUS_CONFIRMED });
    expect(await lifecycle.get(pending.id, OWNER)).toEqual(confirmed);
  });

  it('returns a CONFIRMED order unchanged when confirmed again, writing nothing', async () => {
    const confirmed = await lifecycle.confirm(pending.id, OWNER);
    const save = jest.spyOn(orders, 'save');
    expect(await lifecycle.confirm(pending.id, OWNER)).toEqual(confirmed);
    expect(save).not.toHaveBeenCalled();
  });

  it('refuses to confirm an expired order: FAILED_PRECONDITION ORDER_EXPIRED', async () => {
    await orders.markExpired(pending.id);
    expect(await statusErrorOf(lifecycle.confirm(pending.id, OWNER))).toMatchObject({
      code: Status.FAILED_PRECONDITION,
      reason: 'ORDER_EXPIRED',
    });
    expect(await lifecycle.get(pending.id, OWNER)).toEqual(pending);
  });
});
