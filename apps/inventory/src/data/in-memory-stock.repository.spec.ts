import { InMemoryStockRepository } from './in-memory-stock.repository';

const repository = () => new InMemoryStockRepository([{ productId: '1', onHand: 5, reserved: 0 }]);

describe('InMemoryStockRepository', () => {
  it('adds to and gives back from the reserved count', () => {
    const stock = repository();
    stock.addReserved('1', 3);
    stock.addReserved('1', -1);
    expect(stock.byId('1')).toEqual({ productId: '1', onHand: 5, reserved: 2 });
  });

  it('does not let callers change stock through a returned record', () => {
    const stock = repository();
    const before = stock.byId('1');
    stock.addReserved('1', 2);
    expect(before?.reserved).toBe(0);
  });

  it('refuses to reserve more than is on hand, as a bug rather than a client error', () => {
    expect(() => repository().addReserved('1', 6)).toThrow(/would be 6 of 5/);
  });

  it('refuses to give back more than is reserved', () => {
    expect(() => repository().addReserved('1', -1)).toThrow(/would be -1/);
  });

  it('refuses an unknown product', () => {
    expect(() => repository().addReserved('2', 1)).toThrow(/no stock record for product 2/);
  });
});
