import { Status } from '@junction/grpc-server';
import { statusErrorOf } from '@junction/grpc-server/testing';
import { reservationsPerTest } from './stock-reservations.fixture';

describe('StockReservations.reserve', () => {
  const h = reservationsPerTest();

  it('reserves every item and answers with the order and its items', async () => {
    const { reservations, reserved } = h;
    const items = [
      { productId: '1', quantity: 4 },
      { productId: '2', quantity: 1 },
    ];
    expect(await reservations.reserve('o-1', items)).toEqual({ orderId: 'o-1', items });
    expect(await Promise.all([reserved('1'), reserved('2')])).toEqual([4, 1]);
  });

  it('reserves exactly what is available', async () => {
    const { reservations, reserved } = h;
    await reservations.reserve('o-1', [{ productId: '2', quantity: 3 }]);
    expect(await reserved('2')).toBe(3);
  });

  it('rejects a short product with FAILED_PRECONDITION naming product, requested and available', async () => {
    const error = await statusErrorOf(() =>
      h.reservations.reserve('o-1', [{ productId: '2', quantity: 4 }]),
    );
    expect(error.code).toBe(Status.FAILED_PRECONDITION);
    expect(error.reason).toBe('INSUFFICIENT_STOCK');
    expect(error.message).toBe('insufficient stock: product 2: requested 4, available 3');
  });

  it('counts what other orders already hold as unavailable', async () => {
    const { reservations } = h;
    await reservations.reserve('o-1', [{ productId: '1', quantity: 8 }]);
    const error = await statusErrorOf(() =>
      reservations.reserve('o-2', [{ productId: '1', quantity: 3 }]),
    );
    expect(error.reason).toBe('INSUFFICIENT_STOCK');
    expect(error.message).toContain('requested 3, available 2');
  });

  it('rejects an out-of-stock product with INSUFFICIENT_STOCK', async () => {
    const error = await statusErrorOf(() =>
      h.reservations.reserve('o-1', [{ productId: '3', quantity: 1 }]),
    );
    expect(error.code).toBe(Status.FAILED_PRECONDITION);
    expect(error.reason).toBe('INSUFFICIENT_STOCK');
  });

  it('reserves nothing when any one item is short', async () => {
    const { reservations, reserved } = h;
    const items = [
      { productId: '1', quantity: 5 },
      { productId: '2', quantity: 9 },
    ];
    expect((await statusErrorOf(() => reservations.reserve('o-1', items))).reason).toBe(
      'INSUFFICIENT_STOCK',
    );
    expect(await Promise.all([reserved('1'), reserved('2')])).toEqual([0, 0]);
  });

  it('rejects an unknown product with NOT_FOUND and reserves nothing', async () => {
    const { reservations, reserved } = h;
    const items = [
      { productId: '1', quantity: 1 },
      { productId: '42', quantity: 1 },
    ];
    const error = await statusErrorOf(() => reservations.reserve('o-1', items));
    expect(error.code).toBe(Status.NOT_FOUND);
    expect(error.reason).toBe('PRODUCT_NOT_FOUND');
    expect(error.message).toBe('product 42 not found');
    expect(await reserved('1')).toBe(0);
  });

  it('reports an unknown product before a shortage', async () => {
    const items = [
      { productId: '3', quantity: 1 },
      { productId: '42', quantity: 1 },
    ];
    expect((await statusErrorOf(() => h.reservations.reserve('o-1', items))).code).toBe(
      Status.NOT_FOUND,
    );
  });

  it('never over-reserves a product listed twice, even past request validation', async () => {
    const items = [
      { productId: '2', quantity: 2 },
      { productId: '2', quantity: 2 },
    ];
    expect((await statusErrorOf(() => h.reservations.reserve('o-1', items))).message).toContain(
      'requested 4, available 3',
    );
  });

  it('does not claim the order id when it fails, so a smaller retry can succeed', async () => {
    const { reservations, reserved } = h;
    await statusErrorOf(() => reservations.reserve('o-1', [{ productId: '2', quantity: 4 }]));
    await reservations.reserve('o-1', [{ productId: '2', quantity: 2 }]);
    expect(await reserved('2')).toBe(2);
  });

  it('lets only one of two orders competing for the last units have them', async () => {
    const { reservations } = h;
    const attempt = async (orderId: string) =>
      await reservations.reserve(orderId, [{ productId: '2', quantity: 3 }]);
    const outcomes = await Promise.allSettled([attempt('o-1'), attempt('o-2')]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    const [, second] = outcomes;
    expect(second.status === 'rejected' && second.reason).toMatchObject({
      code: Status.FAILED_PRECONDITION,
      reason: 'INSUFFICIENT_STOCK',
    });
  });
});
