import { ordersV1 } from '@junction/contracts';
import { InMemoryOrderRepository } from './in-memory-order.repository';

const order = (): ordersV1.Order => ({
  id: '1',
  status: ordersV1.OrderStatus.ORDER_STATUS_PENDING,
  items: [{ productId: '1', quantity: 1, unitPriceCents: 100 }],
  totalCents: 100,
  currency: 'EUR',
  createTimeUnixMs: 0,
});

describe('InMemoryOrderRepository', () => {
  it('returns undefined for an id it does not hold', async () => {
    expect(await new InMemoryOrderRepository().byId('1')).toBeUndefined();
  });

  it('keeps its own copy: changing a saved or returned order changes nothing stored', async () => {
    const repository = new InMemoryOrderRepository();
    const saved = order();
    await repository.save(saved);
    saved.items[0].quantity = 99;
    const read = await repository.byId('1');
    read!.status = ordersV1.OrderStatus.ORDER_STATUS_CONFIRMED;
    expect(await repository.byId('1')).toEqual(order());
  });

  it('does not expire a CONFIRMED order, and an expired order stays expired when saved', async () => {
    const repository = new InMemoryOrderRepository();
    await repository.save(order());
    await repository.save({ ...order(), id: '2' });
    await repository.confirm('2');
    expect(await repository.markExpired('2')).toBe(false);
    expect(await repository.markExpired('1')).toBe(true);
    await repository.save(order());
    expect(await repository.confirm('1')).toEqual({ outcome: 'expired' });
    expect(await repository.confirm('3')).toEqual({ outcome: 'not-found' });
  });

  it('lists expiring orders until their stock is released', async () => {
    const repository = new InMemoryOrderRepository();
    await repository.save(order());
    expect(await repository.expiring(0, 10)).toEqual([order()]);
    expect(await repository.expiring(-1, 10)).toEqual([]);
    await repository.markExpired('1');
    expect(await repository.expiring(0, 10)).toHaveLength(1);
    await repository.markReleased('1');
    expect(await repository.expiring(0, 10)).toEqual([]);
  });
});
