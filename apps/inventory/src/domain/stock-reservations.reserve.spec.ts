import { Status, StatusError } from '@junction/grpc-server';
import { InMemoryReservationRepository } from '../data/in-memory-reservation.repository';
import { InMemoryStockRepository } from '../data/in-memory-stock.repository';
import { StockReservations } from './stock-reservations';

const failureOf = (fn: () => unknown): StatusError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof StatusError) return error;
    throw error;
  }
  throw new Error('expected a StatusError, but nothing was thrown');
};

/** Product 1: 10 on hand; product 2: 3 on hand; product 3: out of stock. */
const setup = () => {
  const stock = new InMemoryStockRepository([
    { productId: '1', onHand: 10, reserved: 0 },
    { productId: '2', onHand: 3, reserved: 0 },
    { productId: '3', onHand: 0, reserved: 0 },
  ]);
  const reservations = new StockReservations(stock, new InMemoryReservationRepository());
  const reserved = (productId: string) => stock.byId(productId)?.reserved;
  return { reservations, reserved };
};

describe('StockReservations.reserve', () => {
  it('reserves every item and answers with the order and its items', () => {
    const { reservations, reserved } = setup();
    const items = [
      { productId: '1', quantity: 4 },
      { productId: '2', quantity: 1 },
    ];
    expect(reservations.reserve('o-1', items)).toEqual({ orderId: 'o-1', items });
    expect([reserved('1'), reserved('2')]).toEqual([4, 1]);
  });

  it('reserves exactly what is available', () => {
    const { reservations, reserved } = setup();
    reservations.reserve('o-1', [{ productId: '2', quantity: 3 }]);
    expect(reserved('2')).toBe(3);
  });

  it('rejects a short product with FAILED_PRECONDITION naming product, requested and available', () => {
    const error = failureOf(() =>
      setup().reservations.reserve('o-1', [{ productId: '2', quantity: 4 }]),
    );
    expect(error.code).toBe(Status.FAILED_PRECONDITION);
    expect(error.reason).toBe('INSUFFICIENT_STOCK');
    expect(error.message).toBe('insufficient stock: product 2: requested 4, available 3');
  });

  it('counts what other orders already hold as unavailable', () => {
    const { reservations } = setup();
    reservations.reserve('o-1', [{ productId: '1', quantity: 8 }]);
    const error = failureOf(() => reservations.reserve('o-2', [{ productId: '1', quantity: 3 }]));
    expect(error.reason).toBe('INSUFFICIENT_STOCK');
    expect(error.message).toContain('requested 3, available 2');
  });

  it('rejects an out-of-stock product with INSUFFICIENT_STOCK', () => {
    const error = failureOf(() =>
      setup().reservations.reserve('o-1', [{ productId: '3', quantity: 1 }]),
    );
    expect(error.code).toBe(Status.FAILED_PRECONDITION);
    expect(error.reason).toBe('INSUFFICIENT_STOCK');
  });

  it('reserves nothing when any one item is short', () => {
    const { reservations, reserved } = setup();
    const items = [
      { productId: '1', quantity: 5 },
      { productId: '2', quantity: 9 },
    ];
    expect(failureOf(() => reservations.reserve('o-1', items)).reason).toBe('INSUFFICIENT_STOCK');
    expect([reserved('1'), reserved('2')]).toEqual([0, 0]);
  });

  it('rejects an unknown product with NOT_FOUND and reserves nothing', () => {
    const { reservations, reserved } = setup();
    const items = [
      { productId: '1', quantity: 1 },
      { productId: '42', quantity: 1 },
    ];
    const error = failureOf(() => reservations.reserve('o-1', items));
    expect(error.code).toBe(Status.NOT_FOUND);
    expect(error.reason).toBe('PRODUCT_NOT_FOUND');
    expect(error.message).toBe('product 42 not found');
    expect(reserved('1')).toBe(0);
  });

  it('reports an unknown product before a shortage', () => {
    const items = [
      { productId: '3', quantity: 1 },
      { productId: '42', quantity: 1 },
    ];
    expect(failureOf(() => setup().reservations.reserve('o-1', items)).code).toBe(Status.NOT_FOUND);
  });

  it('never over-reserves a product listed twice, even past request validation', () => {
    const items = [
      { productId: '2', quantity: 2 },
      { productId: '2', quantity: 2 },
    ];
    expect(failureOf(() => setup().reservations.reserve('o-1', items)).message).toContain(
      'requested 4, available 3',
    );
  });

  it('does not claim the order id when it fails, so a smaller retry can succeed', () => {
    const { reservations, reserved } = setup();
    failureOf(() => reservations.reserve('o-1', [{ productId: '2', quantity: 4 }]));
    reservations.reserve('o-1', [{ productId: '2', quantity: 2 }]);
    expect(reserved('2')).toBe(2);
  });

  it('lets only one of two orders competing for the last units have them', async () => {
    const { reservations } = setup();
    const attempt = async (orderId: string) =>
      reservations.reserve(orderId, [{ productId: '2', quantity: 3 }]);
    const outcomes = await Promise.allSettled([attempt('o-1'), attempt('o-2')]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    const [, second] = outcomes;
    expect(second.status === 'rejected' && second.reason).toMatchObject({
      code: Status.FAILED_PRECONDITION,
      reason: 'INSUFFICIENT_STOCK',
    });
  });
});
