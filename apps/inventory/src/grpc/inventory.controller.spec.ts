import { Status } from '@junction/grpc-server';
import { InMemoryReservationRepository } from '../data/in-memory-reservation.repository';
import { InMemoryStockRepository } from '../data/in-memory-stock.repository';
import { seedStock } from '../data/stock.seed';
import { StockLevels } from '../domain/stock-levels';
import { StockReservations } from '../domain/stock-reservations';
import { InventoryController } from './inventory.controller';

const setup = () => {
  const stock = new InMemoryStockRepository(seedStock(20));
  return new InventoryController(
    new StockLevels(stock),
    new StockReservations(stock, new InMemoryReservationRepository()),
  );
};

describe('InventoryController', () => {
  it('answers GetStock with the levels of the seeded products', () => {
    const { levels } = setup().getStock({ productIds: ['1', '13'] });
    expect(levels.map((l) => [l.productId, l.available > 0])).toEqual([
      ['1', true],
      ['13', false],
    ]);
  });

  it('reserves, shows the reservation in GetStock, then releases it', () => {
    const controller = setup();
    const order = { orderId: 'o-1', items: [{ productId: '1', quantity: 5 }] };
    expect(controller.reserve(order)).toEqual(order);
    expect(controller.getStock({ productIds: ['1'] }).levels[0].reserved).toBe(5);
    expect(controller.release({ orderId: 'o-1' })).toEqual({ released: true });
    expect(controller.release({ orderId: 'o-1' })).toEqual({ released: false });
    expect(controller.getStock({ productIds: ['1'] }).levels[0].reserved).toBe(0);
  });

  it('validates before reaching the use cases', () => {
    const controller = setup();
    expect(() =>
      controller.reserve({ orderId: 'o-1', items: [{ productId: '1', quantity: 0 }] }),
    ).toThrow(
      expect.objectContaining({ code: Status.INVALID_ARGUMENT, reason: 'INVALID_REQUEST' }),
    );
    expect(controller.getStock({ productIds: ['1'] }).levels[0].reserved).toBe(0);
  });
});
