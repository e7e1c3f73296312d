import { Status } from '@junction/grpc-server';
import { seedStock } from '../data/stock.seed';
import { StockLevels } from '../domain/stock-levels';
import { StockReservations } from '../domain/stock-reservations';
import { inventoryStorePerTest } from '../testing/inventory-store.fixture';
import { InventoryController } from './inventory.controller';

describe('InventoryController', () => {
  const fixture = inventoryStorePerTest(seedStock(20));
  const controller = () =>
    new InventoryController(new StockLevels(fixture.store), new StockReservations(fixture.store));

  it('answers GetStock with the levels of the seeded products', async () => {
    const { levels } = await controller().getStock({ productIds: ['1', '13'] });
    expect(levels.map((l) => [l.productId, l.available > 0])).toEqual([
      ['1', true],
      ['13', false],
    ]);
  });

  it('reserves, shows the reservation in GetStock, then releases it', async () => {
    const inventory = controller();
    const order = { orderId: 'o-1', items: [{ productId: '1', quantity: 5 }] };
    expect(await inventory.reserve(order)).toEqual(order);
    expect((await inventory.getStock({ productIds: ['1'] })).levels[0].reserved).toBe(5);
    expect(await inventory.release({ orderId: 'o-1' })).toEqual({ released: true });
    expect(await inventory.release({ orderId: 'o-1' })).toEqual({ released: false });
    expect((await inventory.getStock({ productIds: ['1'] })).levels[0].reserved).toBe(0);
  });

  it('validates before reaching the use cases', async () => {
    const inventory = controller();
    expect(() =>
      inventory.reserve({ orderId: 'o-1', items: [{ productId: '1', quantity: 0 }] }),
    ).toThrow(
      expect.objectContaining({ code: Status.INVALID_ARGUMENT, reason: 'INVALID_REQUEST' }),
    );
    expect((await inventory.getStock({ productIds: ['1'] })).levels[0].reserved).toBe(0);
  });
});
