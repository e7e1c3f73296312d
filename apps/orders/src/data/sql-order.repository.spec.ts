import { ordersV1 } from '@junction/contracts';
import { ordersDatabasePerTest } from '../testing/orders-database.fixture';
import { SqlOrderRepository } from './sql-order.repository';

const order = (id = '1'): ordersV1.Order => ({
  id,
  status: ordersV1.OrderStatus.ORDER_STATUS_PENDING,
  items: [
    { productId: '7', quantity: 2, unitPriceCents: 150 },
    { productId: '3', quantity: 1, unitPriceCents: 9_007_199_254 },
  ],
  totalCents: 9_007_199_554,
  currency: 'EUR',
  createTimeUnixMs: 1_790_000_000_123,
});

describe('SqlOrderRepository', () => {
  const fixture = ordersDatabasePerTest();
  const repository = () => new SqlOrderRepository(fixture.db);

  it('returns undefined for an id it does not hold', async () => {
    expect(await repository().byId('1')).toBeUndefined();
  });

  it('reads back exactly what it stored: lines in order, int8 cents and times as numbers', async () => {
    await repository().save(order());
    expect(await repository().byId('1')).toEqual(order());
  });

  it('replaces an order saved again under its id, lines included', async () => {
    await repository().save(order());
    await repository().save({ ...order(), items: [order().items[1]], totalCents: 1 });
    expect(await repository().byId('1')).toMatchObject({
      items: [order().items[1]],
      totalCents: 1,
    });
  });

  it('confirms once, then answers already-confirmed with the same order', async () => {
    await repository().save(order());
    const confirmed = { ...order(), status: ordersV1.OrderStatus.ORDER_STATUS_CONFIRMED };
    expect(await repository().confirm('1')).toEqual({ outcome: 'confirmed', order: confirmed });
    expect(await repository().confirm('1')).toEqual({
      outcome: 'already-confirmed',
      order: confirmed,
    });
  });

  it('does not expire a CONFIRMED order, and an expired order stays expired when saved', async () => {
    const orders = repository();
    await orders.save(order());
    await orders.save(order('2'));
    await orders.confirm('2');
    expect(await orders.markExpired('2')).toBe(false);
    expect(await orders.markExpired('1')).toBe(true);
    await orders.save(order());
    expect(await orders.confirm('1')).toEqual({ outcome: 'expired' });
    expect(await orders.confirm('3')).toEqual({ outcome: 'not-found' });
  });

  it('lets only one of a confirm and an expiry racing on one order win', async () => {
    const orders = repository();
    await orders.save(order());
    const [confirmation, expired] = await Promise.all([
      orders.confirm('1'),
      orders.markExpired('1'),
    ]);
    expect(confirmation.outcome === 'confirmed').toBe(!expired);
  });

  it('lists expiring orders oldest first, until their stock is released', async () => {
    const orders = repository();
    await orders.save({ ...order('2'), createTimeUnixMs: 20 });
    await orders.save({ ...order('1'), createTimeUnixMs: 10 });
    await orders.save({ ...order('3'), createTimeUnixMs: 30 });
    expect((await orders.expiring(20, 10)).map((o) => o.id)).toEqual(['1', '2']);
    expect((await orders.expiring(30, 1)).map((o) => o.id)).toEqual(['1']);
    await orders.markExpired('1');
    expect((await orders.expiring(20, 10)).map((o) => o.id)).toEqual(['1', '2']);
    await orders.markReleased('1');
    expect((await orders.expiring(20, 10)).map((o) => o.id)).toEqual(['2']);
  });
});
