import { Status } from '@junction/grpc-server';
import { statusErrorOf } from '@junction/grpc-server/testing';
import { ITEMS, reservationsPerTest } from './stock-reservations.fixture';

describe('StockReservations.release', () => {
  const h = reservationsPerTest();

  it('gives back everything the order reserved and answers true', async () => {
    const { reservations, reserved } = h;
    await reservations.reserve('o-1', ITEMS);
    expect(await reservations.release('o-1')).toBe(true);
    expect(await Promise.all([reserved('1'), reserved('2')])).toEqual([0, 0]);
  });

  it('makes released stock available to other orders', async () => {
    const { reservations } = h;
    await reservations.reserve('o-1', [{ productId: '2', quantity: 3 }]);
    await reservations.release('o-1');
    expect((await reservations.reserve('o-2', [{ productId: '2', quantity: 3 }])).orderId).toBe(
      'o-2',
    );
  });

  it('answers false the second time and gives back nothing more', async () => {
    const { reservations, reserved } = h;
    await reservations.reserve('o-1', ITEMS);
    await reservations.reserve('o-2', [{ productId: '1', quantity: 2 }]);
    await reservations.release('o-1');
    expect(await reservations.release('o-1')).toBe(false);
    expect(await reserved('1')).toBe(2);
  });

  it('answers false, not an error, for an order that reserved nothing', async () => {
    expect(await h.reservations.release('never-seen')).toBe(false);
  });

  it('leaves other orders holding their stock', async () => {
    const { reservations, reserved } = h;
    await reservations.reserve('o-1', [{ productId: '1', quantity: 4 }]);
    await reservations.reserve('o-2', [{ productId: '1', quantity: 5 }]);
    await reservations.release('o-1');
    expect(await reserved('1')).toBe(5);
  });

  it('never lets a released order id reserve again, even with the same items', async () => {
    const { reservations, reserved } = h;
    await reservations.reserve('o-1', ITEMS);
    await reservations.release('o-1');
    const error = await statusErrorOf(() => reservations.reserve('o-1', ITEMS));
    expect(error.code).toBe(Status.ALREADY_EXISTS);
    expect(error.reason).toBe('ORDER_ALREADY_RESERVED');
    expect(error.message).toContain('order ids are not reused');
    expect(await reserved('1')).toBe(0);
  });

  it('refuses a Reserve that arrives after its order was released unseen', async () => {
    const { reservations, reserved } = h;
    await reservations.release('o-late');
    const error = await statusErrorOf(() => reservations.reserve('o-late', ITEMS));
    expect(error.code).toBe(Status.ALREADY_EXISTS);
    expect(error.reason).toBe('ORDER_ALREADY_RESERVED');
    expect(await reserved('1')).toBe(0);
  });
});
