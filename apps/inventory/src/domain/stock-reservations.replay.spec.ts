import { Status } from '@junction/grpc-server';
import { statusErrorOf } from '@junction/grpc-server/testing';
import { ITEMS, reservationsPerTest } from './stock-reservations.fixture';

describe('StockReservations.reserve, repeated for one order id', () => {
  const h = reservationsPerTest();

  it('returns the first response and reserves nothing more', async () => {
    const { reservations, reserved } = h;
    const first = await reservations.reserve('o-1', ITEMS);
    expect(await reservations.reserve('o-1', ITEMS)).toEqual(first);
    expect(await Promise.all([reserved('1'), reserved('2')])).toEqual([4, 3]);
  });

  it('replays even though the order itself now holds the last units', async () => {
    const { reservations } = h;
    await reservations.reserve('o-1', [{ productId: '2', quantity: 3 }]);
    expect((await reservations.reserve('o-1', [{ productId: '2', quantity: 3 }])).items).toEqual([
      { productId: '2', quantity: 3 },
    ]);
  });

  it('replays the same items listed in another order, answering the first order of items', async () => {
    const { reservations } = h;
    await reservations.reserve('o-1', ITEMS);
    expect((await reservations.reserve('o-1', [...ITEMS].reverse())).items).toEqual(ITEMS);
  });

  it('is not changed by a caller editing an earlier response', async () => {
    const { reservations } = h;
    (await reservations.reserve('o-1', ITEMS)).items[0].quantity = 99;
    expect((await reservations.reserve('o-1', ITEMS)).items).toEqual(ITEMS);
  });

  it('rejects other items with ALREADY_EXISTS and reserves nothing more', async () => {
    const { reservations, reserved } = h;
    await reservations.reserve('o-1', ITEMS);
    const error = await statusErrorOf(() =>
      reservations.reserve('o-1', [{ productId: '1', quantity: 5 }]),
    );
    expect(error.code).toBe(Status.ALREADY_EXISTS);
    expect(error.reason).toBe('ORDER_ALREADY_RESERVED');
    expect(error.message).toBe('order o-1 already reserved different items');
    expect(await reserved('1')).toBe(4);
  });

  it('keeps order ids apart: another order reserves on its own', async () => {
    const { reservations, reserved } = h;
    await reservations.reserve('o-1', [{ productId: '1', quantity: 4 }]);
    await reservations.reserve('o-2', [{ productId: '1', quantity: 4 }]);
    expect(await reserved('1')).toBe(8);
  });
});
