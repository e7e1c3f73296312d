import { Status } from '@junction/grpc-server';
import { statusErrorOf } from '@junction/grpc-server/testing';
import { inventoryStorePerTest } from '../testing/inventory-store.fixture';
import { StockLevels } from './stock-levels';

describe('StockLevels', () => {
  const fixture = inventoryStorePerTest([
    { productId: '1', onHand: 10, reserved: 4 },
    { productId: '2', onHand: 0, reserved: 0 },
    { productId: '3', onHand: 7, reserved: 0 },
  ]);
  const levels = { get: (ids: string[]) => new StockLevels(fixture.store).get(ids) };

  it('returns one level per requested id, in request order', async () => {
    expect((await levels.get(['3', '1', '2'])).map((l) => l.productId)).toEqual(['3', '1', '2']);
  });

  it('reports available as on hand minus reserved', async () => {
    expect(await levels.get(['1'])).toEqual([
      { productId: '1', onHand: 10, reserved: 4, available: 6 },
    ]);
  });

  it('reports an out-of-stock product with nothing available', async () => {
    expect((await levels.get(['2']))[0]).toMatchObject({ onHand: 0, available: 0 });
  });

  it('answers a repeated id once per time it was asked', async () => {
    expect(await levels.get(['1', '1'])).toHaveLength(2);
  });

  it('rejects an unknown id with NOT_FOUND naming it', async () => {
    const error = await statusErrorOf(() => levels.get(['1', '99']));
    expect(error.code).toBe(Status.NOT_FOUND);
    expect(error.reason).toBe('PRODUCT_NOT_FOUND');
    expect(error.message).toBe('product 99 not found');
  });

  it('names every unknown id once', async () => {
    expect((await statusErrorOf(() => levels.get(['98', '1', '99', '98']))).message).toBe(
      'products 98, 99 not found',
    );
  });
});
