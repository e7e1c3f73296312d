import { Status } from '@junction/grpc-server';
import { statusErrorOf } from '@junction/grpc-server/testing';
import { ITEMS, setup } from './stock-reservations.fixture';

describe('StockReservations.reserve, repeated for one order id', () => {
  it('returns the first response and reserves nothing more', () => {
    const { reservations, reserved } = setup();
    const first = reservations.reserve('o-1', ITEMS);
    expect(reservations.reserve('o-1', ITEMS)).toEqual(first);
    expect([reserved('1'), reserved('2')]).toEqual([4, 3]);
  });

  it('replays even though the order itself now holds the last units', () => {
    const { reservations } = setup();
    reservations.reserve('o-1', [{ productId: '2', quantity: 3 }]);
    expect(reservations.reserve('o-1', [{ productId: '2', quantity: 3 }]).items).toEqual([
      { productId: '2', quantity: 3 },
    ]);
  });

  it('replays the same items listed in another order, answering the first order of items', () => {
    const { reservations } = setup();
    reservations.reserve('o-1', ITEMS);
    expect(reservations.reserve('o-1', [...ITEMS].reverse()).items).toEqual(ITEMS);
  });

  it('is not changed by a caller editing an earlier response', () => {
    const { reservations } = setup();
    reservations.reserve('o-1', ITEMS).items[0].quantity = 99;
    expect(reservations.reserve('o-1', ITEMS).items).toEqual(ITEMS);
  });

  it('rejects other items with ALREADY_EXISTS and reserves nothing more', async () => {
    const { reservations, reserved } = setup();
    reservations.reserve('o-1', ITEMS);
    const error = await statusErrorOf(() =>
      reservations.reserve('o-1', [{ productId: '1', quantity: 5 }]),
    );
    expect(error.code).toBe(Status.ALREADY_EXISTS);
    expect(error.reason).toBe('ORDER_ALREADY_RESERVED');
    expect(error.message).toBe('order o-1 already reserved different items');
    expect(reserved('1')).toBe(4);
  });

  it('keeps order ids apart: another order reserves on its own', () => {
    const { reservations, reserved } = setup();
    reservations.reserve('o-1', [{ productId: '1', quantity: 4 }]);
    reservations.reserve('o-2', [{ productId: '1', quantity: 4 }]);
    expect(reserved('1')).toBe(8);
  });
});
